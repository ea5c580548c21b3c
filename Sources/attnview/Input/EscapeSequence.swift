/// The grammar of what follows an ESC, so a sequence ncurses did not decode is consumed whole:
/// CSI (`ESC [`, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte
/// 0x40–0x7E), SS3 (`ESC O` and one final byte), X10 mouse reports (`ESC [ M` and three bytes),
/// and Alt+key (`ESC` and one character). Sequences for keys the app knows become those keys;
/// every other one (bracketed paste markers, mouse reports, modified keys, F13 on some terminals,
/// anything malformed) is dropped, never read as Esc plus characters.
enum EscapeSequence {
    /// What the input after an ESC holds.
    enum Parse: Equatable {
        /// A whole sequence of `length` inputs after the ESC, and the key it means (nil: ignore it).
        case complete(Key?, length: Int)
        /// The input ends inside a sequence: more may still arrive.
        case incomplete
    }

    /// Parses the start of `input`, which follows an ESC. Empty input is `.incomplete` (a lone ESC
    /// is Esc only once no more input comes).
    static func parse(_ input: ArraySlice<TerminalInput>) -> Parse {
        guard let first = input.first else { return .incomplete }
        guard case .character(let introducer) = first else { return .complete(nil, length: 1) }  // Alt+decoded key
        switch introducer {
        case "[": return controlSequence(input.dropFirst())
        case "O":
            guard let final = input.dropFirst().first else { return .incomplete }
            guard case .character(let byte) = final, (0x40...0x7E).contains(byte.value) else {
                return .complete(nil, length: 1)
            }
            return .complete(singleShift(byte), length: 2)
        case "\u{1B}":
            // ESC ESC [ …: Alt with a key that has a sequence of its own.
            guard case .complete(_, let length) = parse(input.dropFirst()) else { return .incomplete }
            return .complete(nil, length: 1 + length)
        default:
            let printable = introducer.value >= 0x20 && introducer.value != 0x7F
            return .complete(printable ? .alt(Character(introducer)) : nil, length: 1)
        }
    }

    /// `input` follows `ESC [`: parameters, intermediates, final byte.
    private static func controlSequence(_ input: ArraySlice<TerminalInput>) -> Parse {
        var parameters = ""
        var length = 1  // the "["
        for element in input {
            guard case .character(let byte) = element else { return .complete(nil, length: length) }
            length += 1
            switch byte.value {
            case 0x30...0x3F, 0x20...0x2F: parameters.unicodeScalars.append(byte)
            case 0x40...0x7E:
                if byte == "M" && parameters.isEmpty {
                    // X10 mouse report: button, column and row follow as three raw bytes.
                    return input.count >= length + 2 ? .complete(nil, length: length + 3) : .incomplete
                }
                return .complete(controlKey(parameters: parameters, final: byte), length: length)
            default:
                // Not part of any sequence: drop what came before it and read it afresh.
                return .complete(nil, length: length - 1)
            }
        }
        return .incomplete
    }

    /// The key a CSI sequence stands for, if the app knows it unmodified (or Shift with ← →, F1–F4).
    private static func controlKey(parameters: String, final: Unicode.Scalar) -> Key? {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 } ?? 1
        let modifier = numbers.count > 1 ? numbers[1] : 1
        if final == "~" {
            guard modifier == 1, numbers.count <= 2 else { return nil }
            return tildeKeys[first]
        }
        guard first == 1, numbers.count <= 2 else { return nil }
        switch (modifier, final) {
        case (1, _): return singleShift(final)
        case (2, "C"): return .shiftRight
        case (2, "D"): return .shiftLeft
        case (2, "P"), (2, "Q"), (2, "R"), (2, "S"): return .function(13 + Int(final.value - 0x50))
        default: return nil
        }
    }

    /// Finals shared by CSI and SS3: arrows, Home, End, F1–F4, keypad Enter, Shift+Tab.
    private static func singleShift(_ final: Unicode.Scalar) -> Key? {
        switch final {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "P", "Q", "R", "S": .function(1 + Int(final.value - 0x50))
        case "M": .enter
        case "Z": .backTab
        default: nil
        }
    }

    /// `ESC [ n ~` keys (xterm, rxvt, the Linux console and tmux).
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12), 25: .function(13), 26: .function(14), 28: .function(15),
        29: .function(16), 31: .function(17), 32: .function(18), 33: .function(19), 34: .function(20),
    ]
}
