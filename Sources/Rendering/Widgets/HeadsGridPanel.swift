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
            title += " · entropy \(NumberFormat.fixed(summary.entropyNormalizedMean, 2)) \(summary.regime.rawValue)"
        }
        return PanelHeading(title: title, note: "arrows move · Enter opens · + - divisor · g Esc close")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard let grid else { return }
        guard let summaries = grid.summaries else {
            frame.put("computing every head…", x: area.x + 1, y: area.y, style: styles.muted)
            return
        }
        HeadsGridWidget(summaries: summaries, cursorLayer: grid.cursor.layer, cursorHead: grid.cursor.head).draw(
            into: &frame, area: area, styles: styles)
    }
}
