/// How tokens are spelled on the heatmap's axes: cut to the room there is, several tokens of one
/// pooled cell joined or given as an index range, and key tokens written downwards.
enum TokenLabels {
    /// The widest a query label may be; longer tokens end in "…".
    static let maximumWidth = 10
    /// The widest two tokens of one overview row may be together ("it was").
    static let maximumPairWidth = 12
    /// The most text rows a downward key label may take.
    static let maximumKeyRows = 6

    /// Columns of query labels for `tokens`: the widest (at most `maximumWidth`) and one blank.
    static func rowLabelWidth(_ tokens: [String]) -> Int {
        min(maximumWidth, tokens.map { DisplayWidth.of($0) }.max() ?? 1) + 1
    }

    /// Text rows the downward key labels of `tokens` need (at most `maximumKeyRows`).
    static func keyLabelRows(_ tokens: [String]) -> Int {
        max(1, min(maximumKeyRows, tokens.map(\.count).max() ?? 1))
    }

    /// The label of query rows `range` in `width` cells: the token itself for one row; the tokens
    /// joined by spaces when they fit; else the index range "12–15" that the cell covers.
    static func rowLabel(tokens: [String], range: Range<Int>, width: Int) -> String {
        let range = range.clamped(to: 0..<tokens.count)
        guard let first = range.first else { return "" }
        if range.count == 1 { return DisplayWidth.abbreviated(tokens[first], to: width) }
        let joined = tokens[range].joined(separator: " ")
        if DisplayWidth.of(joined) <= width { return joined }
        return DisplayWidth.abbreviated("\(first)–\(range.upperBound - 1)", to: width)
    }

    /// A key token written downwards in `rows` rows, one grapheme a row; a longer token keeps its
    /// first graphemes, ending in "…" when there are three rows or more (in one or two rows every
    /// letter says more than an ellipsis).
    static func downward(_ token: String, rows: Int) -> [Character] {
        let characters = token.filter { DisplayWidth.of($0) > 0 }
        guard rows > 0 else { return [] }
        if characters.count <= rows || rows < 3 { return Array(characters.prefix(rows)) }
        return Array(characters.prefix(rows - 1)) + ["…"]
    }
}
