import CNCurses
import Glibc

// Signal-handler data: the only global mutable state of attnview. Written on the main thread
// before the handlers are installed and only read inside them.
nonisolated(unsafe) private var restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreCapacity)
nonisolated(unsafe) private var restoreByteCount = 0
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var hasSavedModes = false
nonisolated(unsafe) private var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
nonisolated(unsafe) private var installed = false
private let restoreCapacity = 512
private let signalSlots = 65

/// Puts the terminal back (normal screen, visible cursor, plain attributes, the shell's modes) on
/// every way out that bypasses `endwin`: Ctrl-C, SIGTERM, SIGHUP, SIGQUIT and crashes.
///
/// The handlers are installed before ncurses starts, so ncurses leaves these signals alone (it only
/// takes signals still at their default); it keeps SIGTSTP and SIGWINCH for suspend and resize.
enum TerminalRestorer {
    /// Signals that end the process: after restoring, the handler re-raises them.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGTRAP]
    /// Crashes (a Swift trap is SIGILL or SIGTRAP), handled the same way.
    static let faults: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE]

    /// Saves the terminal's current modes and installs the handlers; call before ncurses starts.
    static func install() {
        guard !installed else { return }
        hasSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
        restoreByteCount = 0
        for signal in terminating + faults {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handleSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previousActions + Int(signal))
        }
        // A parent may have left these blocked (threads of test runners do); the handlers only
        // help if the signals arrive.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in terminating + faults { sigaddset(&handled, signal) }
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        installed = true
    }

    /// Records the bytes that undo ncurses' screen setup (from terminfo, so they suit this terminal).
    static func arm() {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = attnview_tigetstr(capability) else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        let count = min(bytes.count, restoreCapacity)
        for index in 0..<count { restoreBytes[index] = bytes[index] }
        restoreByteCount = count
    }

    /// Puts the previous handlers back after a normal `endwin`.
    static func uninstall() {
        guard installed else { return }
        restoreByteCount = 0
        for signal in terminating + faults { sigaction(signal, previousActions + Int(signal), nil) }
        installed = false
    }
}

/// Async-signal-safe: write(2), tcsetattr, sigaction and raise only.
private func handleSignal(_ signal: Int32) {
    if restoreByteCount > 0 { _ = write(STDOUT_FILENO, restoreBytes, restoreByteCount) }
    if hasSavedModes { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
    sigaction(signal, previousActions + Int(signal), nil)
    // Pending until the handler returns, then delivered to the previous handler (a real fault
    // would recur anyway; one sent with kill(2) would not).
    raise(signal)
}
