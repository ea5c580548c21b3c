/// A terminal-independent screen: width × height cells, drawn by widgets, shown by a backend
/// or turned into text for snapshots and tests.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

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
        var column = x
        for character in text {
            self[column, y] = Cell(character, foreground: foreground, background: background, attributes: attributes)
            column += 1
        }
        return column
    }

    /// The frame as plain UTF-8 lines, trailing blanks trimmed: what snapshots and golden tests compare.
    public func plainText() -> String {
        (0..<height).map { y in
            var line = String((0..<width).map { self[$0, y].character })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
