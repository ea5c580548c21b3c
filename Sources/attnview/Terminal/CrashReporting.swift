import Glibc

/// Swift's crash backtracer is interactive on a terminal: after a crash it waits for input on a
/// screen in raw mode. The interactive view restarts itself once with it turned off instead.
enum CrashReporting {
    /// Re-executes this process with SWIFT_BACKTRACE=interactive=no unless the user set
    /// SWIFT_BACKTRACE; if that fails the view runs on (its signal handlers still restore the terminal).
    static func makeNonInteractive() {
        guard getenv("SWIFT_BACKTRACE") == nil else { return }
        // The executable's real path, not /proc/self/exe: the process name comes from it.
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard readlink("/proc/self/exe", &path, Int(PATH_MAX)) > 0 else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv(path, CommandLine.unsafeArgv)
        unsetenv("SWIFT_BACKTRACE")
    }
}
