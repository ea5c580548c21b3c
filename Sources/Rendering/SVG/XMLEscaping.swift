/// Text made safe for an XML document: markup characters escaped, and characters XML 1.0 forbids
/// (control characters, U+FFFE, U+FFFF) replaced by U+FFFD, so any frame or file name still gives
/// a document every parser accepts.
enum XMLEscaping {
    /// `text` for element content or a double-quoted attribute value.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
