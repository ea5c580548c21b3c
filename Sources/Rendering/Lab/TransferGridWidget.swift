import Foundation

/// One policy's table of the transfer grid: final loss per d_k (rows) and learning rate (columns),
/// shaded from 0 (dark) to the loss of uniform attention (bright), with the number where it fits;
/// `·` a run still to come, `×` a diverged one.
struct TransferGridWidget: PanelContent {
    let grid: TransferGridView
    let policy: Int

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: grid.policies[policy], note: "final loss")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let label = 5
        let columns = grid.learningRates.count
        guard columns > 0, area.width > label + columns else { return }
        let cellWidth = min(7, (area.width - label) / columns)
        frame.put("lr", x: area.x, y: area.y, style: styles.axis)
        if cellWidth < 5, let first = grid.learningRates.first, let last = grid.learningRates.last {
            let text = Self.power(first) + (styles.ascii ? " .. " : " … ") + Self.power(last) + " ×4"
            frame.put(text, x: area.x + label, y: area.y, style: styles.axis, limit: area.width - label)
        }
        for (column, rate) in grid.learningRates.enumerated() where cellWidth >= 5 {
            let text = Self.power(rate)
            frame.put(
                text, x: area.x + label + column * cellWidth, y: area.y, style: styles.axis, limit: cellWidth - 1)
        }
        for (row, dk) in grid.dks.enumerated() {
            let y = area.y + 1 + row
            guard y < area.maxY else { break }
            frame.put(NumberFormat.padLeft(String(dk), label - 1), x: area.x, y: y, style: styles.axis)
            for column in 0..<columns {
                let value = grid.finalLoss[policy][safe: row]?[safe: column] ?? nil
                drawCell(
                    value, x: area.x + label + column * cellWidth, y: y, width: cellWidth - 1, frame: &frame,
                    styles: styles)
            }
        }
        if area.height > grid.dks.count + 1 {
            frame.put("d_k ↓", x: area.x, y: area.y + grid.dks.count + 1, style: styles.muted)
        }
        if area.height > grid.dks.count + 2 {
            drawLegend(x: area.x, y: area.y + grid.dks.count + 2, width: area.width, frame: &frame, styles: styles)
        }
        if area.height > grid.dks.count + 3 {
            frame.put(
                "· to come  × diverged", x: area.x, y: area.y + grid.dks.count + 3, style: styles.muted,
                limit: area.width)
        }
    }

    /// What the shades mean: final loss from 0 to 1 and over (uniform attention is 0.94).
    private func drawLegend(x: Int, y: Int, width: Int, frame: inout Frame, styles: ThemeStyles) {
        var column = frame.put("loss 0 ", x: x, y: y, style: styles.muted, limit: width)
        for step in 0..<Glyphs.shades.count where column < x + width {
            let position = Double(step) / Double(Glyphs.shades.count - 1)
            let color = styles.rampColor(position, logits: false)
            let style =
                styles.hasColor ? CellStyle(foreground: .default, background: color, attributes: []) : styles.text
            // The cell shows what a loss of position² looks like (cells shade by √loss).
            let glyph = styles.hasColor ? " " : String(Glyphs.shades[step])
            column = frame.put(glyph, x: column, y: y, style: style, limit: x + width - column)
        }
        frame.put(" 1+", x: column, y: y, style: styles.muted, limit: x + width - column)
    }

    private func drawCell(
        _ value: Double??, x: Int, y: Int, width: Int, frame: inout Frame, styles: ThemeStyles
    ) {
        guard let known = value, let loss = known else {
            frame.put(String(repeating: " ", count: max(0, width - 1)) + "·", x: x, y: y, style: styles.muted)
            return
        }
        guard loss.isFinite else {
            frame.put(String(repeating: " ", count: max(0, width - 1)) + "×", x: x, y: y, style: styles.marker)
            return
        }
        let position = min(1, max(0, loss)).squareRoot()
        // A learned run's loss is far below 0.001: it keeps its first digits ("3.9e-4"), not "0.000".
        let text =
            width >= 6
            ? NumberFormat.exponentOrFixed(loss)
            : width >= 5
                ? NumberFormat.fixed(loss, 3) : String(repeating: Glyphs.shades[Int(position * 9)], count: width)
        let color = styles.rampColor(position, logits: false)
        let style = styles.hasColor ? CellStyle(foreground: .default, background: color, attributes: []) : styles.text
        frame.put(NumberFormat.padLeft(text, width), x: x, y: y, style: style)
    }

    /// 2⁻⁴ … 2⁸ spelled as "2^-4" (short enough for a column).
    static func power(_ rate: Double) -> String {
        "2^" + String(Int(log2(rate).rounded()))
    }
}
