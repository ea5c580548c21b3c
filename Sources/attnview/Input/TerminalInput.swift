/// One unit of what the terminal reader hands over: a key ncurses decoded itself (from the
/// terminfo entry), or a raw character, which may be part of an escape sequence ncurses did not know.
enum TerminalInput: Hashable, Sendable {
    case key(Key)
    case character(Unicode.Scalar)

    static let escape = TerminalInput.character("\u{1B}")
}
