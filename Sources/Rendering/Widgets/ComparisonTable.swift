import AttentionCore

/// The key statistics of the current divisor beside the standard one's, in columns (now, √d_k,
/// ratio), under both regime badges: what moving the divisor off √d_k changed, at a glance.
struct ComparisonTable: PanelContent {
    let now: AttentionStatistics
    let baseline: AttentionStatistics
    /// The two value columns' titles, naming each side's divisor.
    let titles: (now: String, baseline: String)
    let ascii: Bool

    /// Inner rows it needs: column titles, regimes, and one per statistic.
    static let innerHeight = 9
    static let labelWidth = 13

    /// One compared statistic: the two values as text and their ratio (nil where none makes sense).
    struct Line {
        let label: String
        let now: String
        let baseline: String
        let ratio: String
    }

    var lines: [Line] {
        func numbers(_ label: String, _ value: (AttentionStatistics) -> Double) -> Line {
            Line(
                label: label, now: NumberFormat.exponentOrFixed(value(now)),
                baseline: NumberFormat.exponentOrFixed(value(baseline)), ratio: Self.ratio(value(now), value(baseline)))
        }
        return [
            numbers("logit std") { $0.logitStd },
            numbers("H / ln m") { $0.entropyNormalizedMean },
            numbers("mean max wt") { $0.maxWeightMean },
            numbers("eff. tokens") { $0.effectiveTokensMean },
            numbers("grad median") { $0.scoreGradMedian },
            numbers("grad max") { $0.scoreGradMax },
            Line(
                label: "fp16 naive",
                now: StatisticsPanel.verdict(now.unsafeRowsFP16, overflow: now.overflowRowsFP16),
                baseline: StatisticsPanel.verdict(baseline.unsafeRowsFP16, overflow: baseline.overflowRowsFP16),
                ratio: ""),
        ]
    }

    /// now / baseline to three significant digits ("32.0×", "0.041×"); a dash when the baseline is 0
    /// or either is not finite.
    static func ratio(_ now: Double, _ baseline: Double) -> String {
        guard now.isFinite, baseline.isFinite, baseline != 0 else { return "–" }
        let value = now / baseline
        if value != 0, abs(value) < 0.001 || abs(value) >= 100_000 { return NumberFormat.exponent(value) + "×" }
        return NumberFormat.fixed(value, max(0, NumberFormat.decimals(for: value, maximum: 4) - 1)) + "×"
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "now vs the standard divisor", note: "same inputs, same d_k")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 30, area.height >= 2 else { return }
        let lines = lines
        let columnWidth = max(12, min(22, (area.width - Self.labelWidth - 8) / 2))
        let nowX = area.x + 1 + Self.labelWidth, baselineX = nowX + columnWidth, ratioX = baselineX + columnWidth
        frame.put(titles.now, x: nowX, y: area.y, style: styles.muted, limit: columnWidth - 1)
        frame.put(titles.baseline, x: baselineX, y: area.y, style: styles.muted, limit: columnWidth - 1)
        frame.put("ratio", x: ratioX, y: area.y, style: styles.muted, limit: area.maxX - ratioX)
        guard area.height >= 2 else { return }
        frame.put("regime", x: area.x + 1, y: area.y + 1, style: styles.text)
        for (regime, x) in [(now.regime, nowX), (baseline.regime, baselineX)] {
            frame.put(
                " \(regime.rawValue.uppercased()) ", x: x, y: area.y + 1, style: styles.badges[regime] ?? styles.text,
                limit: columnWidth - 1)
        }
        for (index, line) in lines.enumerated() {
            let y = area.y + 2 + index
            guard y < area.maxY else { break }
            frame.put(line.label, x: area.x + 1, y: y, style: styles.text, limit: Self.labelWidth - 1)
            frame.put(line.now, x: nowX, y: y, style: styles.text.with(.bold), limit: columnWidth - 1)
            frame.put(line.baseline, x: baselineX, y: y, style: styles.text, limit: columnWidth - 1)
            let ratio = ascii ? line.ratio.replacingOccurrences(of: "–", with: "-") : line.ratio
            frame.put(ratio, x: ratioX, y: y, style: styles.text, limit: area.maxX - ratioX)
        }
    }
}
