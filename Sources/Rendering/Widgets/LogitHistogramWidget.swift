import AttentionCore
import Foundation

/// The logit histogram with the iid theory's normal density N(0, σ²) drawn over it and ticks at
/// ±1σ and ±2σ (σ from theory when there is one, else measured).
struct LogitHistogramWidget: PanelContent {
    let histogram: Histogram
    let measuredMean: Double
    let measuredStd: Double
    /// The theory's σ; nil for file inputs.
    let theoryStd: Double?
    /// Spell the note in ASCII (`^2` rather than `²`).
    let ascii: Bool

    /// The theory's normal curve, or the measured σ when there is no theory (file inputs). While
    /// the curve is drawn its name stays on the edge: σ loses digits first (`N(0, 11.31²)` →
    /// `N(0,11.3²)` → `N(0,11²)`; 0.125 → 0.13), so a wide σ never drops the title.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        guard let theoryStd else {
            return PanelHeading(title: "logits", note: "σ \(NumberFormat.fixed(measuredStd, 3))")
        }
        let square = ascii ? "^2" : "²"
        let candidates =
            ["theory N(0, \(NumberFormat.fixed(theoryStd, 2))\(square))"]
            + [3, 2].map { "theory N(0,\(NumberFormat.significant(theoryStd, $0))\(square))" }
            + ["N(0,\(NumberFormat.significant(theoryStd, 2))\(square))"]
        // The panel keeps a note of at most this many characters beside the title "logits".
        let room = area.width - 14
        return PanelHeading(title: "logits", note: candidates.first { $0.count <= room } ?? candidates[3])
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 8, area.height >= 3, !histogram.counts.isEmpty else { return }
        let plot = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        let columns = Bars.resample(histogram.counts.map(Double.init), columns: plot.width)
        let span = (histogram.upper - histogram.lower) / Double(plot.width)
        let theory: [Double] =
            theoryStd.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }.map { sigma in
                (0..<plot.width).map { column in
                    let low = histogram.lower + Double(column) * span
                    return Double(histogram.total) * (Self.cdf((low + span) / sigma) - Self.cdf(low / sigma))
                }
            } ?? []
        let top = max(columns.max() ?? 0, theory.max() ?? 0, 1)
        let rowsPerCount = Double(plot.height) / top
        for (offset, count) in columns.enumerated() {
            Bars.draw(
                height: count * rowsPerCount, x: plot.x + offset, area: plot, style: styles.histogram, into: &frame,
                glyphs: styles.glyphs)
        }
        for (offset, expected) in theory.enumerated() {
            let level = expected * rowsPerCount
            guard level >= 0.25, level.isFinite else { continue }
            let row = plot.maxY - 1 - min(plot.height - 1, Int(level))
            let underneath = frame[plot.x + offset, row]
            let onBar = underneath.character == styles.glyphs.eighths[7] && underneath.character != " "
            var style = styles.theory
            if onBar { style.background = styles.hasColor ? styles.histogram.foreground : style.background }
            frame[plot.x + offset, row] = style.cell(styles.glyphs.curveLine)
        }
        drawTicks(plot: plot, into: &frame, styles: styles)
    }

    /// "-2σ … +2σ" under the plot where they fit, the range's ends at the corners.
    private func drawTicks(plot: Rect, into frame: inout Frame, styles: ThemeStyles) {
        let sigma = theoryStd ?? measuredStd
        let centre = theoryStd == nil ? measuredMean : 0
        let y = plot.maxY
        let range = histogram.upper - histogram.lower
        /// The plot column of `value`, one past either edge for values off the axis (which can be
        /// astronomically far off: statistics are exact in Double while logits clamp to Float).
        func column(_ value: Double) -> Int {
            let offset = (value - histogram.lower) / range * Double(plot.width)
            guard offset.isFinite else { return offset > 0 ? plot.maxX : plot.x - 1 }
            return plot.x + Int(min(max(offset, -1), Double(plot.width)).rounded(.down))
        }
        var taken = [Bool](repeating: false, count: plot.width + 2)
        /// Where `label` would start (relative to the plot) if placed centred at x, or nil when it
        /// would touch a placed label (one free cell on each side keeps them apart).
        func slot(_ label: String, at x: Int) -> Int? {
            let start = max(plot.x, min(plot.maxX - label.count, x)) - plot.x
            let guarded = max(0, start - 1)..<min(taken.count, start + label.count + 1)
            return start >= 0 && !guarded.contains(where: { taken[$0] }) ? start : nil
        }
        func put(_ label: String, _ start: Int, _ style: CellStyle) {
            frame.put(label, x: plot.x + start, y: y, style: style)
            for index in start..<(start + label.count) { taken[index] = true }
        }
        func place(_ label: String, at x: Int, style: CellStyle) {
            if let start = slot(label, at: x) { put(label, start, style) }
        }
        if sigma > 0, range > 0 {
            place("0", at: column(centre), style: styles.axis)
            // ±kσ in pairs, so the axis never looks lopsided.
            for k in [1.0, 2.0] {
                let values = [centre - k * sigma, centre + k * sigma]
                guard values.allSatisfy({ $0 > histogram.lower && $0 < histogram.upper }) else { continue }
                let labels = ["-\(Int(k))σ", "+\(Int(k))σ"]
                let xs = values.map(column)
                guard let left = slot(labels[0], at: xs[0] - 1), let right = slot(labels[1], at: xs[1] - 1),
                    left + labels[0].count < right
                else { continue }
                put(labels[0], left, styles.theory.with([]))
                // No tick mark above the labels: between bars a lone `┴` read as a stray glyph.
                put(labels[1], right, styles.theory.with([]))
            }
        }
        place(NumberFormat.fixed(histogram.lower, 1), at: plot.x, style: styles.muted)
        let upper = NumberFormat.fixed(histogram.upper, 1)
        place(upper, at: plot.maxX - upper.count, style: styles.muted)
    }

    /// The standard normal CDF.
    static func cdf(_ z: Double) -> Double { 0.5 * (1 + erf(z / 2.0.squareRoot())) }
}
