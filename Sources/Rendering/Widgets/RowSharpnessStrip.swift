import AttentionCore

/// A narrow strip right of the heatmap: one horizontal bar per text row, as long as that row's
/// H / ln m (empty-ish = one key takes everything, full = uniform), so the sharpest and flattest
/// queries can be found at a glance, colour or not. A text row that covers several query rows
/// (pooling, or two rows per half block) shows the sharpest of them, so a one-hot row is never
/// averaged away; `e` / `E` jump to the exact sharpest / flattest row.
struct RowSharpnessStrip {
    /// H_i / ln m_i per query row (`RowSharpness.normalizedEntropy`).
    let values: [Double?]
    let geometry: HeatmapGeometry

    /// Columns the strip adds right of the picture: a gap, then the bar.
    static let width = 6
    /// Under the strip, on the heatmap's column-label row.
    static let label = "H/ln m"

    /// Horizontal eighths, one eighth to a full cell.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Per text row: the lowest H / ln m of the query rows it shows; nil where none has two keys.
    func cellValues() -> [Double?] {
        var cells = [Double?](repeating: nil, count: geometry.height)
        for (row, value) in values.enumerated() {
            guard let value else { continue }
            let cell = geometry.cellRow(ofMatrixRow: row)
            guard cell >= 0, cell < cells.count else { continue }
            cells[cell] = min(cells[cell] ?? value, value)
        }
        return cells
    }

    /// Draws into `area` (the gap and the bar columns, the picture's rows), and the label under it
    /// on `labelRow`.
    func draw(into frame: inout Frame, area: Rect, labelRow: Int, styles: ThemeStyles) {
        frame.put(Self.label, x: area.x, y: labelRow, style: styles.axis, limit: area.width)
        let area = Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: area.height)
        guard area.width > 0, area.height > 0 else { return }
        for (index, value) in cellValues().enumerated() where index < area.height {
            guard let value else { continue }
            // At least one eighth, so a one-hot row still shows a sliver: blank means no choice.
            let eighthsLong = max(1, Int((value * Double(area.width * 8)).rounded()))
            var style = styles.histogram
            if styles.hasColor { style.foreground = styles.rampColor(0.35 + 0.65 * (1 - value), logits: false) }
            for column in 0..<area.width {
                let filled = eighthsLong - column * 8
                guard filled > 0 else { break }
                let glyph: Character =
                    styles.ascii ? (filled >= 4 ? "#" : (column == 0 ? "|" : " ")) : Self.eighths[min(8, filled) - 1]
                frame[area.x + column, area.y + index] = style.cell(glyph)
            }
        }
    }
}
