import AttentionCore
import TensorFiles

/// Every head of every layer at once: layers down, heads across, each cell a thumbnail of the
/// head's weights over its normalised entropy and regime, the cursor's cell framed in the
/// selection colour. Drawn from summaries at the current divisor, so a divisor change shows
/// every head flatten or peak together.
struct HeadsGridWidget: Widget {
    /// `summaries[layer][head]`.
    let summaries: [[HeadSummary]]
    let cursorLayer: Int
    let cursorHead: Int

    /// Columns of the layer labels ("L11 ").
    static func labelWidth(layers: Int) -> Int { String(max(0, layers - 1)).count + 2 }

    /// Where head (layer, head)'s cell goes inside `area`, or nil when the grid does not fit.
    static func cellRect(layer: Int, head: Int, layers: Int, heads: Int, area: Rect) -> Rect? {
        let size = cellSize(layers: layers, heads: heads, area: area)
        guard size.width >= 3, size.height >= 2 else { return nil }
        let left = area.x + labelWidth(layers: layers)
        return Rect(
            x: left + head * (size.width + 1), y: area.y + 1 + layer * size.height, width: size.width,
            height: size.height)
    }

    /// A cell's size: the room shared out, one blank column between heads, at most 16 × 8.
    static func cellSize(layers: Int, heads: Int, area: Rect) -> (width: Int, height: Int) {
        let heads = max(1, heads), layers = max(1, layers)
        let width = (area.width - labelWidth(layers: layers) - (heads - 1)) / heads
        let height = (area.height - 1) / layers
        return (min(16, width), min(8, height))
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let layers = summaries.count
        let heads = summaries.map(\.count).max() ?? 0
        guard layers > 0, heads > 0,
            let first = Self.cellRect(layer: 0, head: 0, layers: layers, heads: heads, area: area)
        else {
            frame.put("the grid needs a larger terminal", x: area.x, y: area.y, style: styles.muted)
            return
        }
        for head in 0..<heads {
            let label = "H\(head)"
            let x = first.x + head * (first.width + 1) + max(0, (first.width - label.count) / 2)
            frame.put(label, x: x, y: area.y, style: head == cursorHead ? styles.selection : styles.axis)
        }
        for layer in 0..<layers {
            frame.put(
                "L\(layer)", x: area.x, y: first.y + layer * first.height,
                style: layer == cursorLayer ? styles.selection : styles.axis)
            for (head, summary) in summaries[layer].enumerated() {
                guard let cell = Self.cellRect(layer: layer, head: head, layers: layers, heads: heads, area: area)
                else { continue }
                drawCell(summary, cell, selected: layer == cursorLayer && head == cursorHead, &frame, styles)
            }
        }
    }

    /// The thumbnail over all but the last row, and "0.83 f" (normalised entropy, regime) on it.
    private func drawCell(
        _ summary: HeadSummary, _ cell: Rect, selected: Bool, _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        let picture = Rect(x: cell.x, y: cell.y, width: cell.width, height: cell.height - 1)
        drawThumbnail(summary.thumbnail, picture, &frame, styles)
        let badge = summary.isFinite ? styles.badges[summary.regime] ?? styles.text : styles.text.with(.reverse)
        let caption = Self.caption(summary, width: cell.width)
        let y = cell.maxY - 1
        let style = selected ? styles.selection.with(.reverse) : (styles.hasColor ? badge : styles.muted)
        frame.fill(Rect(x: cell.x, y: y, width: cell.width, height: 1), with: style.cell(" "))
        frame.put(caption, x: cell.x, y: y, style: style, limit: cell.width)
        if selected {
            frame[cell.x - 1, y] = styles.selection.cell(styles.ascii ? ">" : "▶")
        }
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
