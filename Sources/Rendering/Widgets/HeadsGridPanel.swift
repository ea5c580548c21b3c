import AttentionCore

/// The heads grid over the body: titled with the cursor's head and how to use the grid; "computing"
/// until the summaries are there.
struct HeadsGridPanel: PanelContent {
    let grid: HeadsGrid?

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        guard let grid else { return PanelHeading(title: "heads") }
        var title = "heads"
        if let divisor = grid.divisor { title += " at s = \(NumberFormat.exponentOrFixed(divisor))" }
        title += " · layer \(grid.cursor.layer) head \(grid.cursor.head)"
        if let summary = grid.summaries?[safe: grid.cursor.layer]?[safe: grid.cursor.head], !summary.isFinite {
            title += " · invalid: values not finite"
        } else if let summary = grid.summaries?[safe: grid.cursor.layer]?[safe: grid.cursor.head] {
            // Both numbers the cell's caption draws on where they fit, else H / ln m and the regime.
            let entropy = " · H/ln m \(NumberFormat.fixed(summary.entropyNormalizedMean, 4))"
            let regime = " " + summary.regime.rawValue
            let full = title + entropy + " · max weight \(NumberFormat.fixed(summary.maxWeightMean, 4))" + regime
            title = full.count <= PanelHeading.titleRoom(width: area.width + 2) ? full : title + entropy + regime
        }
        return PanelHeading(title: title, note: "arrows move · Enter opens · + - divisor · g Esc close")
    }

    /// A cell's caption in words: the number is H / ln m, the letter the regime of its max weight.
    static let legend =
        "each cell: H / ln m, then its regime: p peaked (max weight ≥ 0.5), f flat (H / ln m ≥ 0.95), b balanced"

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard let grid else { return }
        guard let summaries = grid.summaries else {
            frame.put("computing every head…", x: area.x + 1, y: area.y, style: styles.muted)
            return
        }
        // The last line says what a cell's number and letter are.
        let (cells, legend) = area.splitTop(max(0, area.height - 1))
        HeadsGridWidget(summaries: summaries, cursorLayer: grid.cursor.layer, cursorHead: grid.cursor.head).draw(
            into: &frame, area: cells, styles: styles)
        frame.put(
            DisplayWidth.abbreviated(Self.legend, to: legend.width - 2), x: legend.x + 1, y: legend.y,
            style: styles.muted)
    }
}
