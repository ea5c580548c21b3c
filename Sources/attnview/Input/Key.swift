/// A key press as the app understands it, independent of ncurses' key codes and of the escape
/// sequences terminals send.
enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation).
    case character(Character)
    case left, right, up, down
    case shiftLeft, shiftRight
    case tab, backTab
    case enter, backspace
    case escape
    case home, end, pageUp, pageDown, insert, delete
    /// F1, F2, …
    case function(Int)
    /// Alt (Meta) with a printable character: the terminal sends ESC and the character.
    case alt(Character)
    /// Ctrl with a letter, e.g. Ctrl-U (`control("u")`): the text editor's line keys.
    case control(Character)
    /// The terminal changed size; the new size in cells.
    case resize(width: Int, height: Int)

    /// How the help, the status bar and the README spell the key.
    var label: String {
        switch self {
        case .character(let character): character == " " ? "Space" : String(character)
        case .left: "←"
        case .right: "→"
        case .up: "↑"
        case .down: "↓"
        case .shiftLeft: "Shift+←"
        case .shiftRight: "Shift+→"
        case .tab: "Tab"
        case .backTab: "Shift+Tab"
        case .enter: "Enter"
        case .backspace: "Backspace"
        case .escape: "Esc"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Insert"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        case .alt(let character): "Alt+\(character)"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .resize: "resize"
        }
    }
}
