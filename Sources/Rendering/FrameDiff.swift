/// What a backend must write to turn the screen showing one frame into the next: runs of changed
/// cells, row by row. Pure, so what reaches the terminal is tested without one.
public enum FrameDiff {
    /// Cells to write from (`x`, `y`) rightwards.
    public struct Run: Equatable, Sendable {
        public let x: Int
        public let y: Int
        public let cells: [Cell]
    }

    /// The runs that change `old` into `new`, within the first `width` × `height` cells (what the
    /// terminal shows). With no `old`, or one of another size, every visible cell is written.
    public static func runs(from old: Frame?, to new: Frame, width: Int, height: Int) -> [Run] {
        let columns = max(0, min(width, new.width))
        let rows = max(0, min(height, new.height))
        let previous = old.flatMap { $0.width == new.width && $0.height == new.height ? $0.cells : nil }
        var runs: [Run] = []
        new.cells.withUnsafeBufferPointer { cells in
            for y in 0..<rows {
                let row = y * new.width
                // A wide character spans two cells: on a row that has (or had) one, any change
                // rewrites the whole row, so no half of a wide character is left behind.
                if let previous,
                    Self.holdsWideCharacter(cells, row, columns) || Self.holdsWideCharacter(previous, row, columns)
                {
                    if !cells[row..<(row + columns)].elementsEqual(previous[row..<(row + columns)]) {
                        runs.append(Run(x: 0, y: y, cells: Array(cells[row..<(row + columns)])))
                    }
                    continue
                }
                var x = 0
                while x < columns {
                    if let previous, previous[row + x] == cells[row + x] {
                        x += 1
                        continue
                    }
                    let start = x
                    while x < columns && (previous.map { $0[row + x] != cells[row + x] } ?? true) { x += 1 }
                    runs.append(Run(x: start, y: y, cells: Array(cells[(row + start)..<(row + x)])))
                }
            }
        }
        return runs
    }

    private static func holdsWideCharacter<Cells: RandomAccessCollection<Cell>>(
        _ cells: Cells, _ row: Int, _ columns: Int
    ) -> Bool where Cells.Index == Int {
        cells[row..<(row + columns)].contains { $0.isContinuation }
    }
}
