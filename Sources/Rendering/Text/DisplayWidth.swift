/// How many terminal cells a grapheme takes, the way `wcwidth(3)` counts them: 2 for East Asian
/// wide and fullwidth characters and emoji, 0 for controls and lone combining marks, 1 otherwise.
/// Own tables rather than libc's, so frames and tests do not depend on the process locale.
public enum DisplayWidth {
    /// Cells `character` takes: its first scalar decides (combining marks ride on it), except that
    /// an emoji variation selector (U+FE0F) or a regional-indicator pair makes it 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || first.value == 0x200B
        {
            return 0
        }
        if isWide(first) { return 2 }
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) && scalars.count > 1 { return 2 }
        return 1
    }

    /// Cells the whole text takes.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `width` cells.
    public static func prefix<Text: StringProtocol>(_ text: Text, fitting width: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let cells = of(text[index])
            if used + cells > width { break }
            used += cells
            end = text.index(after: index)
        }
        return Substring(text[text.startIndex..<end])
    }

    /// `text` cut to `width` cells, ending in "…" when something had to go.
    public static func abbreviated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return String(prefix(text, fitting: width - 1)) + "…"
    }

    /// Wide scalars: emoji shown as pictures by default, and the East Asian Wide (W) and
    /// Fullwidth (F) blocks of Unicode's EastAsianWidth.txt.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        if scalar.properties.isEmojiPresentation { return true }
        return wideRanges.contains { $0.contains(value) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
