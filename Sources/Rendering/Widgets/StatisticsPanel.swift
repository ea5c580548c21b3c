import AttentionCore

/// Every statistic of the core, measured beside the theory's value where there is one, under the
/// regime badge. When the panel is short, the rows that say least about the divisor leave first
/// (`Row.priority`), so the gradient spread and the fp16 verdict stay at 80 × 24.
struct StatisticsPanel: PanelContent {
    let stats: AttentionStatistics
    /// The theory's logit mean (nonzero with rho > 0); nil for file inputs.
    let logitMeanExpected: Double?
    let ascii: Bool

    /// Inner rows it needs for everything (badge, column header, one per statistic).
    static let innerHeight = 14

    /// One line of the panel: a number (with the theory's value, if any) or a verdict in words.
    struct Row {
        let label: String
        let measured: Double?
        let theory: Double?
        let text: String?
        /// Lower stays longer when rows must be dropped.
        let priority: Int

        static func number(_ label: String, _ value: Double, theory: Double? = nil, priority: Int) -> Row {
            Row(label: label, measured: value, theory: theory, text: nil, priority: priority)
        }

        static func verdict(_ label: String, _ text: String, priority: Int) -> Row {
            Row(label: label, measured: nil, theory: nil, text: text, priority: priority)
        }
    }

    var allRows: [Row] {
        [
            .number("logit mean", stats.logitMean, theory: logitMeanExpected, priority: 9),
            .number("logit std", stats.logitStd, theory: stats.logitStdExpected, priority: 0),
            .number("entropy H", stats.entropyMean, priority: 8),
            .number("H / ln m", stats.entropyNormalizedMean, priority: 1),
            .number("mean max wt", stats.maxWeightMean, priority: 2),
            .number("eff. tokens", stats.effectiveTokensMean, priority: 6),
            .number(ascii ? "|J|_F" : "‖J‖_F", stats.jacobianFroMean, priority: 10),
            .number("grad mean", stats.scoreGradMean, priority: 7),
            .number("grad median", stats.scoreGradMedian, priority: 3),
            .number("grad max", stats.scoreGradMax, priority: 4),
            .verdict("fp16 naive", Self.verdict(stats.unsafeRowsFP16, overflow: stats.overflowRowsFP16), priority: 5),
            .verdict("fp32 naive", Self.verdict(stats.unsafeRowsFP32, overflow: stats.overflowRowsFP32), priority: 11),
        ]
    }

    /// The rows that fit in `count` lines, in display order.
    func rows(fitting count: Int) -> [Row] {
        let all = allRows
        guard count < all.count else { return all }
        let kept = Set(all.indices.sorted { all[$0].priority < all[$1].priority }.prefix(max(0, count)))
        return all.indices.filter { kept.contains($0) }.map { all[$0] }
    }

    /// " 62% rows overflow": the share of rows a naive (no max-subtracted) softmax takes out of
    /// range and which way, the percentage right-aligned in four cells; "<1%" rather than a
    /// misleading "0%" when only a few rows do; "safe" when none does.
    static func verdict(_ unsafe: Double, overflow: Double) -> String {
        guard unsafe.isFinite, overflow.isFinite, unsafe > 0 else { return "safe" }
        let percent: String
        if unsafe < 0.01 {
            percent = "<1%"
        } else if unsafe > 0.99 && unsafe < 1 {
            percent = ">99%"
        } else {
            percent = NumberFormat.fixed(min(unsafe, 1) * 100, 0) + "%"
        }
        let direction = overflow >= unsafe ? "overflow" : overflow <= 0 ? "underflow" : "over/under"
        return NumberFormat.padLeft(percent, 4) + " rows " + direction
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
        // The column header only where there is a theory column to name (not for files or a model).
        let hasTheory = allRows.contains { $0.theory != nil }
        let header = hasTheory && area.height >= Self.innerHeight
        let firstRow = area.y + (header ? 2 : 1)
        let rows = rows(fitting: area.maxY - firstRow)
        let measured = NumberFormat.alignedKeepingSmall(rows.map { $0.measured })
        let expected = NumberFormat.aligned(rows.map { $0.theory })
        // The widest measured value sets the column (a small value in exponent form is narrower
        // than its neighbours), so the theory column always starts after a space.
        let width = rows.indices.filter { rows[$0].measured != nil }.map { measured[$0].count }.max() ?? 0
        let valueWidth = max(8, width)
        let valueX = x + 12 + valueWidth - width
        let expectedX = x + 12 + valueWidth + (area.width >= 31 ? 2 : 1)
        if header {
            frame.put("measured", x: x + 12, y: area.y + 1, style: styles.muted)
            frame.put("theory", x: expectedX, y: area.y + 1, style: styles.muted)
        }
        for (index, row) in rows.enumerated() {
            let y = firstRow + index
            frame.put(row.label, x: x, y: y, style: styles.text, limit: 11)
            if let text = row.text {
                let room = area.maxX - (x + 12)
                let fitted = text.count <= room ? text : text.replacingOccurrences(of: " rows", with: "")
                let style = text == "safe" ? styles.text : styles.text.with(.bold)
                frame.put(fitted, x: x + 12, y: y, style: style, limit: room)
            } else {
                frame.put(measured[index], x: valueX, y: y, style: styles.text.with(.bold))
            }
            if row.theory != nil {
                frame.put(expected[index], x: expectedX, y: y, style: styles.muted, limit: area.maxX - expectedX)
            }
        }
    }
}
