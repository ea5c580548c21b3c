/// Why the interactive view cannot start in this terminal.
enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// TERM is unset or names a terminal terminfo does not know.
    case unknownTerminal(term: String?)
    /// The terminal cannot move the cursor (e.g. TERM=dumb), so a full-screen view is impossible.
    case cannotAddressCursor(term: String)

    var description: String {
        switch self {
        case .notATerminal:
            "the interactive view needs a terminal on stdin and stdout; for a text picture use `attnview snapshot`"
        case .unknownTerminal(nil):
            "TERM is not set; try TERM=xterm-256color, or use `attnview snapshot`"
        case .unknownTerminal(let term?):
            "unknown terminal '\(term)' (TERM); try TERM=xterm-256color, or use `attnview snapshot`"
        case .cannotAddressCursor(let term):
            "terminal '\(term)' cannot position the cursor; use `attnview snapshot`"
        }
    }
}
