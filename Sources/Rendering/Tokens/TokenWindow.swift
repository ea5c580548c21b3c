/// Which queries and keys a token heatmap shows when every token gets its own text row (and two
/// columns per key): all of them when they fit, else a window that follows the selected query.
struct TokenWindow: Equatable {
    /// Query rows shown, one text row each.
    let rows: Range<Int>
    /// Keys shown, `TokenWindow.columnsPerKey` columns each.
    let keys: Range<Int>

    /// Two columns per key: square cells, and room for a wide character (東) in a key label.
    static let columnsPerKey = 2

    /// The window for an n × m matrix in `height` text rows and `width` columns, keeping
    /// `selectedRow` in view: centred on it where possible, the keys centred on its diagonal
    /// position (j ≈ i·m/n), both clamped to the matrix.
    init(n: Int, m: Int, selectedRow: Int, width: Int, height: Int) {
        let shownRows = max(0, min(n, height))
        let shownKeys = max(0, min(m, width / Self.columnsPerKey))
        let selected = min(max(0, selectedRow), max(0, n - 1))
        let rowStart = Self.start(centre: selected, count: shownRows, total: n)
        let diagonal = n > 0 ? selected * m / n : 0
        let keyStart = Self.start(centre: diagonal, count: shownKeys, total: m)
        rows = rowStart..<(rowStart + shownRows)
        keys = keyStart..<(keyStart + shownKeys)
    }

    /// Whether the whole matrix is shown.
    func isWhole(n: Int, m: Int) -> Bool { rows == 0..<n && keys == 0..<m }

    private static func start(centre: Int, count: Int, total: Int) -> Int {
        min(max(0, centre - count / 2), max(0, total - count))
    }
}
