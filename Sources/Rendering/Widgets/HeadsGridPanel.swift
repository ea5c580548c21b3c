import AttentionCore

/// The heads grid over the body: titled with the divisor, the cursor's head and its value (and rank
/// when ranked), and how to use the grid; "computing" until the values are there.
struct HeadsGridPanel: PanelContent {
    let grid: HeadsGrid?

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        guard let grid else { return PanelHeading(title: "heads") }
        var title = "heads"
        if let divisor = grid.divisor { title += " at s = \(NumberFormat.exponentOrFixed(divisor))" }
        title += " · layer \(grid.cursor.layer) head \(grid.cursor.head)"
        let note = "arrows move · Enter opens · s statistic · r order · + - divisor · g Esc close"
        guard let values = grid.values, let summary = values.summaries[safe: grid.cursor.layer]?[safe: grid.cursor.head]
        else { return PanelHeading(title: title, note: note) }
        if !summary.isFinite {
            title += " · invalid: values not finite"
        } else if grid.statistic == .pictures {
            // Both numbers the cell's caption draws on where they fit, else H / ln m and the regime.
            let entropy = " · H/ln m \(NumberFormat.fixed(summary.entropyNormalizedMean, 4))"
            let regime = " " + summary.regime.rawValue
            let full = title + entropy + " · mean max weight \(NumberFormat.fixed(summary.maxWeightMean, 4))" + regime
            title = full.count <= PanelHeading.titleRoom(width: area.width + 2) ? full : title + entropy + regime
        } else if let value = values.value(grid.statistic, of: grid.cursor) {
            let name = grid.statistic == .weightFromTo ? "weight \(grid.pair ?? "from→to")" : grid.statistic.name
            title += " · \(name) \(NumberFormat.exponentOrFixed(value))"
        }
        if grid.order != .layers, let rank = grid.cursorRank {
            title += " · rank \(rank + 1) of \(grid.ranking.count)"
        }
        return PanelHeading(title: title, note: note)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard let grid else { return }
        guard let values = grid.values else {
            frame.put("computing every head…", x: area.x + 1, y: area.y, style: styles.muted)
            return
        }
        HeadsGridWidget(grid: grid, values: values).draw(into: &frame, area: area, styles: styles)
    }
}
