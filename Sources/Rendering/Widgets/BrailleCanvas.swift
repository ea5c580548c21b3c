/// A 2 × 4 dots-per-cell canvas of braille characters for smooth curves, btop style; each cell
/// takes the colour of the last series that set a dot in it.
struct BrailleCanvas {
    let width: Int
    let height: Int
    private var dots: [UInt8]
    private var owners: [Int]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        dots = [UInt8](repeating: 0, count: self.width * self.height)
        owners = [Int](repeating: -1, count: self.width * self.height)
    }

    /// Dot bit for (column in cell, row in cell), per the Unicode braille pattern layout.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y) in dot coordinates (ignored outside).
    mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < width * 2, y < height * 4 else { return }
        let index = (y / 4) * width + x / 2
        dots[index] |= Self.bits[x % 2][y % 4]
        owners[index] = series
    }

    /// Copies the set cells into `frame` at `area`, coloured by `styles[series]`.
    func draw(into frame: inout Frame, at area: Rect, styles: [CellStyle]) {
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                guard dots[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[index])) else { continue }
                let style = styles[min(max(owners[index], 0), styles.count - 1)]
                var cell = style.cell(Character(scalar))
                cell.background = frame[area.x + column, area.y + row].background
                frame[area.x + column, area.y + row] = cell
            }
        }
    }
}
