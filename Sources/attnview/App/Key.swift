/// A key press as the app understands it, independent of ncurses' key codes.
enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation).
    case character(Character)
    case left, right, up, down
    case shiftLeft, shiftRight
    case tab
    case escape
    /// Editing and paging keys (the text editor, the layer keys).
    case home, end, pageUp, pageDown, backspace, delete, enter
    /// Ctrl plus a letter, e.g. Ctrl-U (`control("u")`).
    case control(Character)
    /// The terminal changed size; the new size in cells.
    case resize(width: Int, height: Int)

    /// How the help, the status bar and the README spell the key.
    var label: String {
        switch self {
        case .character(let character): String(character)
        case .left: "←"
        case .right: "→"
        case .up: "↑"
        case .down: "↓"
        case .shiftLeft: "Shift+←"
        case .shiftRight: "Shift+→"
        case .tab: "Tab"
        case .escape: "Esc"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .enter: "Enter"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .resize: "resize"
        }
    }
}
