import AttentionCore
import Foundation
import TensorFiles

/// Every head of every layer at once, `heads` to a row: in layer × head order (layers down, heads
/// across) or ranked by the grid's statistic (row labels are ranks, each cell names its head). A
/// cell is a thumbnail of the head's weights over its H / ln m and regime (`pictures`), or filled
/// with the colour of its statistic over the number; the cursor's cell is marked. The last line is
/// the legend: the statistic, its scale and the order.
struct HeadsGridWidget: Widget {
    let grid: HeadsGrid
    let values: HeadsGridValues

    /// Columns of the row labels ("L11 ", or a rank "61 ").
    static func labelWidth(layers: Int, heads: Int = 1) -> Int {
        max(String(max(0, layers - 1)).count + 2, String(max(1, layers * heads)).count + 1)
    }

    /// Where the cell at row `row`, column `column` goes inside `area`, or nil when the grid does not fit.
    static func cellRect(layer row: Int, head column: Int, layers: Int, heads: Int, area: Rect) -> Rect? {
        let size = cellSize(layers: layers, heads: heads, area: area)
        guard size.width >= 3, size.height >= 2 else { return nil }
        let left = area.x + labelWidth(layers: layers, heads: heads)
        return Rect(
            x: left + column * (size.width + 1), y: area.y + 1 + row * size.height, width: size.width,
            height: size.height)
    }

    /// A cell's size: the room shared out (a header line and the legend line kept), one blank column
    /// between cells, at most 16 × 8.
    static func cellSize(layers: Int, heads: Int, area: Rect) -> (width: Int, height: Int) {
        let heads = max(1, heads), layers = max(1, layers)
        let width = (area.width - labelWidth(layers: layers, heads: heads) - (heads - 1)) / heads
        let height = (area.height - 2) / layers
        return (min(16, width), min(8, height))
    }

    private var layers: Int { values.summaries.count }
    private var heads: Int { values.summaries.map(\.count).max() ?? 0 }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let layers = layers, heads = heads
        guard layers > 0, heads > 0,
            let first = Self.cellRect(layer: 0, head: 0, layers: layers, heads: heads, area: area)
        else {
            frame.put("the grid needs a larger terminal", x: area.x, y: area.y, style: styles.muted)
            return
        }
        let ranked = grid.order != .layers
        let order = grid.ranking
        let cursorRow = (order.firstIndex(of: grid.cursor) ?? 0) / heads
        for column in 0..<heads where !ranked {
            let label = "H\(column)"
            let x = first.x + column * (first.width + 1) + max(0, (first.width - label.count) / 2)
            frame.put(label, x: x, y: area.y, style: column == grid.cursor.head ? styles.selection : styles.axis)
        }
        let top = values.scaleTop(grid.statistic)
        for (position, ref) in order.enumerated() {
            let row = position / heads, column = position % heads
            guard let cell = Self.cellRect(layer: row, head: column, layers: layers, heads: heads, area: area),
                let summary = values.summaries[safe: ref.layer]?[safe: ref.head]
            else { continue }
            if column == 0 {
                frame.put(
                    ranked ? "\(position + 1)" : "L\(row)", x: area.x, y: cell.y,
                    style: row == cursorRow ? styles.selection : styles.axis)
            }
            let selected = ref == grid.cursor
            if grid.statistic == .pictures {
                drawPicture(summary, cell, selected: selected, &frame, styles)
            } else {
                drawValue(values.value(grid.statistic, of: ref), top: top, cell, selected: selected, &frame, styles)
            }
            if ranked { frame.put(Self.name(ref, width: cell.width), x: cell.x, y: cell.y, style: styles.text) }
            if selected { frame[cell.x - 1, cell.maxY - 1] = styles.selection.cell(styles.ascii ? ">" : "▶") }
        }
        drawLegend(top: top, y: area.maxY - 1, x: area.x, width: area.width, &frame, styles)
    }

    /// "L5 H11", "L5H11" or "5.11": the head of a ranked cell, as wide as the cell allows.
    static func name(_ ref: HeadRef, width: Int) -> String {
        let long = "L\(ref.layer) H\(ref.head)", short = "L\(ref.layer)H\(ref.head)"
        return long.count <= width ? long : short.count <= width ? short : "\(ref.layer).\(ref.head)"
    }

    /// The thumbnail over all but the last row, and "0.83 f" (normalised entropy, regime) on it.
    private func drawPicture(
        _ summary: HeadSummary, _ cell: Rect, selected: Bool, _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        let picture = Rect(x: cell.x, y: cell.y, width: cell.width, height: cell.height - 1)
        drawThumbnail(summary.thumbnail, picture, &frame, styles)
        let badge = summary.isFinite ? styles.badges[summary.regime] ?? styles.text : styles.text.with(.reverse)
        let style = selected ? styles.selection.with(.reverse) : (styles.hasColor ? badge : styles.muted)
        drawCaption(Self.caption(summary, width: cell.width), cell, style: style, &frame)
    }

    /// The cell in the colour of `value` on the statistic's scale (0…`top`), the number on its last line.
    private func drawValue(
        _ value: Double?, top: Double, _ cell: Rect, selected: Bool, _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        let t = value.map { max(0, min(1, $0 / top)) }
        for y in cell.y..<(cell.maxY - 1) {
            for x in cell.x..<cell.maxX { frame[x, y] = Self.shade(t, styles) }
        }
        let style = selected ? styles.selection.with(.reverse) : styles.text
        drawCaption(value.map { Self.number($0, width: cell.width) } ?? "–", cell, style: style, &frame)
    }

    private func drawCaption(_ caption: String, _ cell: Rect, style: CellStyle, _ frame: inout Frame) {
        let y = cell.maxY - 1
        frame.fill(Rect(x: cell.x, y: y, width: cell.width, height: 1), with: style.cell(" "))
        frame.put(caption, x: cell.x, y: y, style: style, limit: cell.width)
    }

    /// A cell of the statistic's colour at `t` (0…1, linear), or its shade character without colour;
    /// nil (no value) is the masked pattern.
    static func shade(_ t: Double?, _ styles: ThemeStyles) -> Cell {
        guard let t else { return styles.maskedPattern.cell(styles.glyphs.masked) }
        let last = Glyphs.shades.count - 1
        let character = Glyphs.shades[t > 0 ? Int(min(t, 1) * Double(last) + 0.5) : 0]
        guard styles.hasColor else { return styles.canvas.cell(character) }
        let color = styles.rampColor(t, logits: false)
        return Cell(styles.ascii ? character : " ", foreground: color, background: color)
    }

    /// `value` in at most `width` characters: three decimals where they fit ("0.647", ".647", ".65"),
    /// a small positive value as an exponent ("2.3e-5", "2e-5", else "<1e-3" or "0+") so it never
    /// reads as zero.
    static func number(_ value: Double, width: Int) -> String {
        if value > 0, value < 0.001 {
            var power = Int(log10(value).rounded(.down))
            var mantissa = (value / pow(10, Double(power))).rounded()
            if mantissa >= 10 {
                mantissa = 1
                power += 1
            }
            let rounded = "\(Int(mantissa))e\(power)"
            for text in [NumberFormat.exponent(value), rounded, "<1e-3", "0+"] where text.count <= width { return text }
        }
        for decimals in stride(from: 3, through: 0, by: -1) {
            let text = NumberFormat.fixed(value, decimals)
            if text.count <= width { return text }
            if text.hasPrefix("0."), text.count - 1 <= width { return String(text.dropFirst()) }
        }
        return String(NumberFormat.fixed(value, 0).prefix(width))
    }

    /// "0.907 b": H / ln m and the regime's initial (from the max weight: the legend says so); three
    /// decimals where the cell has room, so two heads of 0.9070 and 0.9056 read apart; shortened
    /// to "0.91 b", ".91b" or "b" in narrower cells.
    static func caption(_ summary: HeadSummary, width: Int) -> String {
        // A head with values that are not finite has no entropy or regime to show.
        guard summary.isFinite else { return width >= 7 ? "invalid" : "NaN" }
        let regime = String(summary.regime.rawValue.prefix(1))
        let precise = NumberFormat.fixed(summary.entropyNormalizedMean, 3)
        if width >= precise.count + 2 { return precise + " " + regime }
        let entropy = NumberFormat.fixed(summary.entropyNormalizedMean, 2)
        if width >= entropy.count + 2 { return entropy + " " + regime }
        let short = entropy.hasPrefix("0.") ? String(entropy.dropFirst()) : entropy
        return width >= short.count + 1 ? short + regime : regime
    }

    /// The bottom line: what a cell shows and on what scale, then the order.
    private func drawLegend(top: Double, y: Int, x: Int, width: Int, _ frame: inout Frame, _ styles: ThemeStyles) {
        var next = x
        if grid.statistic == .pictures {
            next = frame.put(
                "weights (own scale) · H/ln m; p: mean max wt ≥ 0.5, f: flat, b: balanced", x: next, y: y,
                style: styles.muted,
                limit: width)
        } else {
            let name = grid.statistic == .weightFromTo ? "weight \(grid.pair ?? "from→to")" : grid.statistic.name
            next = frame.put(name + "  0 ", x: next, y: y, style: styles.text, limit: width)
            for step in 0..<8 where next < x + width {
                frame[next, y] = Self.shade(Double(step) / 7, styles)
                next += 1
            }
            next = frame.put(
                " " + NumberFormat.exponentOrFixed(top), x: next, y: y, style: styles.text,
                limit: max(0, x + width - next))
        }
        let order: String
        switch grid.order {
        case .layers: order = "layer × head"
        case .descending: order = "ranked, largest first"
        case .ascending: order = "ranked, smallest first"
        }
        frame.put(" · " + order, x: next, y: y, style: styles.muted, limit: max(0, x + width - next))
    }

    /// The head's weights nearest-sampled onto the picture's pixels, each thumbnail scaled to its
    /// own largest weight so a diagonal or a column stands out even when every weight is small.
    private func drawThumbnail(_ thumbnail: Matrix, _ picture: Rect, _ frame: inout Frame, _ styles: ThemeStyles) {
        guard thumbnail.rows > 0, thumbnail.cols > 0, !picture.isEmpty else { return }
        let largest = max(thumbnail.values.max() ?? 0, .leastNonzeroMagnitude)
        let halfBlock = styles.hasColor && !styles.ascii
        let pixelRows = picture.height * (halfBlock ? 2 : 1)
        func value(pixelRow: Int, column: Int) -> Float {
            let row = min(thumbnail.rows - 1, pixelRow * thumbnail.rows / pixelRows)
            let col = min(thumbnail.cols - 1, column * thumbnail.cols / picture.width)
            return thumbnail[row, col] / largest
        }
        let shade = ShadeMapper(styles: styles, logits: false, scale: 1)
        for y in 0..<picture.height {
            for x in 0..<picture.width {
                if halfBlock {
                    frame[picture.x + x, picture.y + y] = Cell(
                        "▀", foreground: shade.color(value(pixelRow: 2 * y, column: x)),
                        background: shade.color(value(pixelRow: 2 * y + 1, column: x)))
                } else {
                    let v = value(pixelRow: y, column: x)
                    let color = shade.color(v)
                    frame[picture.x + x, picture.y + y] =
                        styles.hasColor
                        ? Cell(shade.character(v), foreground: color, background: color)
                        : styles.canvas.cell(shade.character(v))
                }
            }
        }
    }
}
