/// Vertical bars with eighth-block tops (whole cells in ASCII): the shared drawing of the
/// histograms and the row inspector.
enum Bars {
    /// Draws a bar of `height` rows (fractional) in column `x`, growing up from the bottom of `area`.
    static func draw(height: Double, x: Int, area: Rect, style: CellStyle, into frame: inout Frame, glyphs: Glyphs) {
        guard height > 0, height.isFinite, x >= area.x, x < area.maxX else { return }
        let eighths = min(area.height * 8, Int((height * 8).rounded()))
        let full = eighths / 8, rest = eighths % 8
        for row in 0..<full { frame[x, area.maxY - 1 - row] = style.cell(glyphs.eighths[7]) }
        if rest > 0, full < area.height {
            frame[x, area.maxY - 1 - full] = style.cell(glyphs.eighths[rest - 1])
        } else if eighths == 0 {
            frame[x, area.maxY - 1] = style.cell(glyphs.eighths[0] == " " ? "_" : glyphs.eighths[0])
        }
    }

    /// `values` (one per bin) spread over `columns` columns: each column sums the bins it covers,
    /// splitting a bin shared by two columns in proportion.
    static func resample(_ values: [Double], columns: Int) -> [Double] {
        guard columns > 0, !values.isEmpty else { return [] }
        let perColumn = Double(values.count) / Double(columns)
        return (0..<columns).map { column in
            let start = Double(column) * perColumn, end = start + perColumn
            var sum = 0.0
            var bin = Int(start)
            while Double(bin) < end, bin < values.count {
                let overlap = min(end, Double(bin + 1)) - max(start, Double(bin))
                sum += values[bin] * overlap
                bin += 1
            }
            return sum
        }
    }
}
