/// A terminal-independent screen: width × height cells, drawn by widgets, shown by a backend
/// or turned into text for snapshots and tests.
public struct Frame: Equatable, Sendable {
    /// Columns and rows of cells.
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A `width` × `height` frame (negative sizes become 0) with every cell set to `cell`.
    public init(width: Int, height: Int, filling cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: cell, count: self.width * self.height)
    }

    /// The whole frame as a rectangle.
    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); writes outside the frame are ignored, so widgets can clip by drawing.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y) rightwards, clipped to the frame; returns the column after it.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, foreground: TerminalColor = .default, background: TerminalColor = .default,
        attributes: CellAttributes = []
    ) -> Int {
        put(text, x: x, y: y, style: CellStyle(foreground: foreground, background: background, attributes: attributes))
    }

    /// Writes `text` from (x, y) in `style` by display width, at most `limit` cells, clipped to the
    /// frame; returns the column after it. A wide character (東, 😀) takes two cells, the second a
    /// continuation, and is left out whole where only one cell is left; zero-width ones are dropped.
    /// Each grapheme is drawn in the form `DisplayWidth.forEachCell` gives, so every terminal
    /// agrees on where it ends.
    @discardableResult
    public mutating func put<Text: StringProtocol>(
        _ text: Text, x: Int, y: Int, style: CellStyle, limit: Int = .max
    ) -> Int {
        var column = x
        let end = x + min(limit, width - x)
        for character in text {
            guard column < end else { break }
            if character.isASCII {
                guard DisplayWidth.of(character) > 0 else { continue }
                self[column, y] = style.cell(character)
                column += 1
                continue
            }
            var fits = true
            DisplayWidth.forEachCell(of: character) { piece, cells in
                guard fits, column + cells <= end else {
                    fits = false
                    return
                }
                self[column, y] = style.cell(piece)
                if cells == 2 { self[column + 1, y] = style.cell(Cell.continuationCharacter) }
                column += cells
            }
            if !fits { break }
        }
        return column
    }

    /// Sets every cell of `rect` (clipped to the frame) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            let start = y * width
            for x in clipped.x..<clipped.maxX { cells[start + x] = cell }
        }
    }

    /// Replaces every non-ASCII character by an ASCII look-alike (or `?`), for `--ascii`: labels
    /// like "×", "σ" or "·" then survive fonts and terminals without Unicode.
    mutating func makeASCII() {
        for index in cells.indices where !cells[index].character.isASCII || cells[index].isContinuation {
            // A wide character's two cells become two ASCII ones, so the columns stay put.
            cells[index].character = Frame.asciiLookAlikes[cells[index].character] ?? "?"
        }
    }

    private static let asciiLookAlikes: [Character: Character] = [
        "×": "x", "·": "-", "σ": "s", "²": "2", "÷": "/", "‖": "|", "ᵀ": "T", "━": "-", "▲": "^", "▶": ">", "√": "V",
        "−": "-", "←": "<", "→": ">", "↑": "^", "↓": "v", "…": ".",
    ]

    /// The frame as plain UTF-8 lines, trailing blanks trimmed: what snapshots and golden tests compare.
    public func plainText() -> String {
        (0..<height).map { y in
            var line = String(visibleCharacters(row: y))
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
