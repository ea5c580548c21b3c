/// How many terminal cells a grapheme takes, the way `wcwidth(3)` counts them: 2 for East Asian
/// wide and fullwidth characters and emoji, 0 for controls and lone combining marks, 1 otherwise.
/// Own tables rather than libc's, so frames and tests do not depend on the process locale.
public enum DisplayWidth {
    /// Cells `character` takes as frames draw it (see `forEachCell`).
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return character.asciiValue.map { $0 < 0x20 || $0 == 0x7F ? 0 : 1 } ?? 0 }
        var total = 0
        forEachCell(of: character) { total += $1 }
        return total
    }

    /// Cells the whole text takes.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Calls `body` with each piece `character` is drawn as, and the cells (1 or 2) it takes, in a
    /// form every terminal agrees on. Terminals disagree on emoji sequences (👍🏽 is 2 cells in one,
    /// 4 in tmux and glibc; ❤️ 2 or 1), so those are drawn as their base emoji (👍, ❤), a flag
    /// as its two letters (🇫🇷 → FR); a spacing mark (the ि of कि) takes its own cell, as wcwidth
    /// says; combining marks ride on their base. Zero-width graphemes give no pieces.
    static func forEachCell(of character: Character, _ body: (Character, Int) -> Void) {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            let cells = width(of: first)
            if cells > 0 { body(character, cells) }
            return
        }
        if let letters = flagLetters(scalars) {
            for letter in letters { body(letter, 1) }
            return
        }
        let emoji = first.properties.isEmoji && scalars.contains { width(of: $0) == 2 || $0.value == 0xFE0F }
        var piece = String.UnicodeScalarView()
        var pieceCells = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) { continue }
            // An emoji ZWJ sequence (👨‍👩‍👧) is drawn as its first emoji.
            if emoji && scalar.value == 0x200D { break }
            let cells = width(of: scalar)
            if cells > 0 && pieceCells > 0 {
                emit(piece, cells: pieceCells, body)
                piece = String.UnicodeScalarView()
            }
            piece.append(scalar)
            if cells > 0 { pieceCells = cells }
        }
        if pieceCells > 0 { emit(piece, cells: pieceCells, body) }
    }

    /// Hands `piece` on as one character; a piece that is not one grapheme becomes its first scalar.
    private static func emit(_ piece: String.UnicodeScalarView, cells: Int, _ body: (Character, Int) -> Void) {
        let text = String(piece)
        if text.count == 1, let character = text.first {
            body(character, cells)
        } else if let first = piece.first(where: { width(of: $0) > 0 }) {
            body(Character(first), cells)
        }
    }

    /// A flag's two letters (regional indicators 🇫 🇷 → F R).
    private static func flagLetters(_ scalars: Character.UnicodeScalarView) -> [Character]? {
        let regional: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
        guard scalars.allSatisfy({ regional.contains($0.value) }) else { return nil }
        return scalars.compactMap { Unicode.Scalar($0.value - 0x1F1E6 + 0x41).map(Character.init) }
    }

    /// Cells one scalar takes on its own, as `DisplayWidthTable` (glibc's `wcwidth`) counts them.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if contains(DisplayWidthTable.wide, value) { return 2 }
        if contains(DisplayWidthTable.zero, value) { return 0 }
        // Past the table: newer marks and emoji (regional indicators are one cell each, as there).
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: return scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) ? 2 : 1
        }
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
    static func abbreviated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return String(prefix(text, fitting: width - 1)) + "…"
    }

    /// Whether `value` lies in one of the sorted, disjoint `ranges` (binary search).
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else if ranges[middle].lowerBound > value {
                high = middle
            } else {
                return true
            }
        }
        return false
    }
}
