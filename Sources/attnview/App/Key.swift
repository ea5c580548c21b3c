/// A key press as the app understands it, independent of ncurses' key codes.
enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation).
    case character(Character)
    case left, right, up, down
    case shiftLeft, shiftRight
    case tab
    case escape
    /// The terminal changed size; the new size in cells.
    case resize(width: Int, height: Int)
}
