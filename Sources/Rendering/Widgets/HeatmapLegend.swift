import AttentionCore

/// The heatmap's colour bar, top = largest value, with decimal-aligned labels; and, under a causal
/// mask, the masked-cell swatch.
struct HeatmapLegend {
    let mode: HeatmapMode
    /// Half range of the logit scale (unused for weights).
    let scale: Double
    let showsMask: Bool

    /// Draws the bar in `area` (2 columns + labels) and the mask swatch on `labelRow`.
    func draw(into frame: inout Frame, at area: Rect, labelRow: Int, styles: ThemeStyles) {
        guard area.width >= 4, area.height >= 2 else { return }
        let rows = area.height
        let shade = ShadeMapper(styles: styles, logits: mode == .logits, scale: scale)
        let halfBlock = styles.hasColor && !styles.ascii
        for row in 0..<rows {
            let y = area.y + row
            for column in 0..<2 {
                let x = area.x + column
                if halfBlock {
                    let upper = position(2 * row, of: 2 * rows), lower = position(2 * row + 1, of: 2 * rows)
                    frame[x, y] = Cell(
                        "▀", foreground: styles.rampColor(upper, logits: mode == .logits),
                        background: styles.rampColor(lower, logits: mode == .logits))
                } else if styles.hasColor {
                    let color = styles.rampColor(position(row, of: rows), logits: mode == .logits)
                    frame[x, y] = Cell(
                        shade.character(value(at: position(row, of: rows))), foreground: color, background: color)
                } else {
                    frame[x, y] = styles.canvas.cell(shade.character(value(at: position(row, of: rows))))
                }
            }
        }
        for (row, label) in labels(rows: rows) {
            frame.put(label, x: area.x + 3, y: area.y + row, style: styles.axis, limit: area.width - 3)
        }
        if showsMask {
            frame[area.x, labelRow] = styles.maskedPattern.cell(styles.glyphs.masked)
            frame[area.x + 1, labelRow] = styles.maskedPattern.cell(styles.glyphs.masked)
            frame.put("masked", x: area.x + 3, y: labelRow, style: styles.muted, limit: area.width - 3)
        }
    }

    /// Labels at round values (weights) or at the ends, quarters and centre (logits), each on the
    /// row whose colour it names, at least one free row apart.
    func labels(rows: Int) -> [(row: Int, text: String)] {
        let values: [Double] =
            mode == .logits
            ? [scale, scale / 2, 0, -scale / 2, -scale]
            : [1, 0.5, 0.25, 0.1, 0.05, 0.01, 0]
        let decimals = mode == .logits ? NumberFormat.decimals(for: scale, maximum: 2) : 2
        let spelled = values.map { NumberFormat.fixed($0, decimals) }
        let width = spelled.map(\.count).max() ?? 0
        let texts = spelled.map { NumberFormat.padLeft($0, width) }
        var placed: [(row: Int, text: String)] = []
        for (value, text) in zip(values, texts) {
            let t = mode == .logits ? 0.5 + 0.5 * value / scale : value.squareRoot()
            let row = Int(((1 - t) * Double(rows - 1)).rounded())
            let isEnd = value == values.first || value == values.last
            if let previous = placed.last, row - previous.row < 2 {
                guard isEnd else { continue }
                placed.removeLast()
            }
            placed.append((row, text))
        }
        return placed
    }

    /// Ramp position of sample `index` of `count`, top (1) to bottom (0).
    private func position(_ index: Int, of count: Int) -> Double {
        count > 1 ? 1 - Double(index) / Double(count - 1) : 1
    }

    /// The matrix value that maps to ramp position `t` (inverse of `ShadeMapper.position`).
    private func value(at t: Double) -> Float {
        mode == .logits ? Float((2 * t - 1) * scale) : Float(t * t)
    }
}
