import Glibc

/// Swift's crash backtracer is interactive on a terminal: after a crash it waits for input on a
/// screen in raw mode. The interactive view restarts itself once with it turned off instead.
enum CrashReporting {
    /// Re-executes this process with SWIFT_BACKTRACE=interactive=no unless the user set
    /// SWIFT_BACKTRACE; if that fails the view runs on (its signal handlers still restore the terminal).
    static func makeNonInteractive() {
        guard getenv("SWIFT_BACKTRACE") == nil else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
