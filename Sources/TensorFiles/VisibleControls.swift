/// Text attnview did not write (file, tensor and theme names, the model's text, error messages that
/// quote them) made safe for a terminal: every control character is shown as a visible escape
/// instead of reaching the terminal raw, where ESC and BEL would drive it.
///
/// The spelling is C's and the shell's `$'…'`: C0 controls and DEL as `\xHH` (`\x1b` for ESC,
/// `\x07` for BEL, `\x0a` for a newline), C1 controls as `\uHHHH` (`\u009b`). Everything else,
/// backslashes included, is left as it is.
public enum VisibleControls {
    /// `text` with every control character spelled as its escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += spelling(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `scalar` is a control character (Unicode category Cc: C0, DEL, C1).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The escape of one control character: `\xHH` below 0x80, else `\uHHHH`.
    public static func spelling(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return scalar.value < 0x80
            ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
