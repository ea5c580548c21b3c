/// Turns what the terminal reader got into keys: decoded keys pass through, characters become
/// keys, and escape sequences are parsed whole (`EscapeSequence`). Pure, so every odd terminal
/// byte stream is a unit test.
enum KeyDecoder {
    /// The keys in `input`. A sequence cut off at the end comes back in `pending`, to be decoded
    /// again with whatever arrives next; with `final` nothing more is coming, so a lone ESC is
    /// Esc and a cut-off sequence is dropped.
    static func decode(_ input: [TerminalInput], final: Bool) -> (keys: [Key], pending: [TerminalInput]) {
        var keys: [Key] = []
        var index = input.startIndex
        while index < input.endIndex {
            switch input[index] {
            case .key(let key):
                keys.append(key)
                index += 1
            case .character("\u{1B}"):
                switch EscapeSequence.parse(input[(index + 1)...]) {
                case .complete(let key, let length):
                    if let key { keys.append(key) }
                    index += 1 + length
                case .incomplete:
                    let rest = input[index...]
                    guard final else { return (keys, Array(rest)) }
                    // Esc pressed on its own (or twice); anything else cut off is dropped whole.
                    if rest.allSatisfy({ $0 == .escape }) { keys += rest.map { _ in .escape } }
                    index = input.endIndex
                }
            case .character(let scalar):
                if let key = key(for: scalar) { keys.append(key) }
                index += 1
            }
        }
        return (keys, [])
    }

    /// The key of a character outside escape sequences; other control characters mean nothing here.
    static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: .tab
        case 10, 13: .enter
        case 8, 0x7F: .backspace
        // Ctrl-U and Ctrl-W, the text editor's line keys; other controls mean nothing here.
        case 21, 23: .control(Character(Unicode.Scalar(UInt8(scalar.value + 96))))
        case 0..<32, 0x80..<0xA0: nil
        default: .character(Character(scalar))
        }
    }
}
