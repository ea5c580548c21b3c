import AttentionCore

/// Every statistic of the core, measured beside the theory's value where there is one, under the
/// regime badge.
struct StatisticsPanel: PanelContent {
    let stats: AttentionStatistics
    let ascii: Bool

    /// Inner rows it needs (badge, column header, one per statistic).
    static let innerHeight = 10

    var rows: [(label: String, measured: Double, expected: Double?)] {
        [
            ("logit mean", stats.logitMean, stats.logitStdExpected == nil ? nil : 0),
            ("logit std", stats.logitStd, stats.logitStdExpected),
            ("entropy H", stats.entropyMean, nil),
            ("H / ln m", stats.entropyNormalizedMean, nil),
            ("max weight", stats.maxWeightMean, nil),
            ("eff. tokens", stats.effectiveTokensMean, nil),
            (ascii ? "|J|_F" : "‖J‖_F", stats.jacobianFroMean, nil),
            ("score grad", stats.scoreGradMean, nil),
        ]
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "statistics")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 12, area.height >= 1 else { return }
        let x = area.x + 1
        let badge = " \(stats.regime.rawValue.uppercased()) "
        frame.put("regime", x: x, y: area.y, style: styles.text)
        frame.put(
            badge, x: x + 12, y: area.y, style: styles.badges[stats.regime] ?? styles.text, limit: area.width - 13)
        let header = area.height >= Self.innerHeight
        let firstRow = area.y + (header ? 2 : 1)
        let measured = NumberFormat.aligned(rows.map { $0.measured })
        let expected = NumberFormat.aligned(rows.map { $0.expected })
        let valueWidth = max(8, measured.first?.count ?? 0)
        let valueX = x + 12 + valueWidth - (measured.first?.count ?? 0)
        let expectedX = x + 12 + valueWidth + (area.width >= 31 ? 2 : 1)
        if header {
            frame.put("measured", x: x + 12, y: area.y + 1, style: styles.muted)
            frame.put("theory", x: expectedX, y: area.y + 1, style: styles.muted)
        }
        for (index, row) in rows.enumerated() {
            let y = firstRow + index
            guard y < area.maxY else { break }
            frame.put(row.label, x: x, y: y, style: styles.text, limit: 11)
            frame.put(measured[index], x: valueX, y: y, style: styles.text.with(.bold))
            if row.expected != nil {
                frame.put(expected[index], x: expectedX, y: y, style: styles.muted, limit: area.maxX - expectedX)
            }
        }
    }
}
