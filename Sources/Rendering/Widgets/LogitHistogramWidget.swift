import Foundation
import AttentionCore

/// The logit histogram with the iid theory's normal density N(0, σ²) drawn over it and ticks at
/// ±1σ and ±2σ (σ from theory when there is one, else measured).
struct LogitHistogramWidget {
    let histogram: Histogram
    let measuredMean: Double
    let measuredStd: Double
    /// The theory's σ; nil for file inputs.
    let theoryStd: Double?

    var title: String { "logits" }
    var note: String {
        guard let theoryStd else { return "σ \(NumberFormat.fixed(measuredStd, 3))" }
        return "theory N(0, \(NumberFormat.fixed(theoryStd, 2))²)"
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 8, area.height >= 3, !histogram.counts.isEmpty else { return }
        let plot = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        let columns = Bars.resample(histogram.counts.map(Double.init), columns: plot.width)
        let span = (histogram.upper - histogram.lower) / Double(plot.width)
        let theory: [Double] = theoryStd.map { sigma in
            (0..<plot.width).map { column in
                let low = histogram.lower + Double(column) * span
                return Double(histogram.total) * (Self.cdf((low + span) / sigma) - Self.cdf(low / sigma))
            }
        } ?? []
        let top = max(columns.max() ?? 0, theory.max() ?? 0, 1)
        let rowsPerCount = Double(plot.height) / top
        for (offset, count) in columns.enumerated() {
            Bars.draw(height: count * rowsPerCount, x: plot.x + offset, area: plot, style: styles.histogram, into: &frame, glyphs: styles.glyphs)
        }
        for (offset, expected) in theory.enumerated() {
            let level = expected * rowsPerCount
            let row = plot.maxY - 1 - min(plot.height - 1, Int(level))
            guard expected * rowsPerCount >= 0.25 else { continue }
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
        func column(_ value: Double) -> Int { plot.x + Int(((value - histogram.lower) / range * Double(plot.width)).rounded(.down)) }
        var taken = [Bool](repeating: false, count: plot.width + 2)
        func place(_ label: String, at x: Int, style: CellStyle) {
            let start = max(plot.x, min(plot.maxX - label.count, x))
            let span = (start - plot.x)..<(start - plot.x + label.count + 1)
            guard span.lowerBound >= 0, span.upperBound <= taken.count, !span.contains(where: { taken[$0] }) else { return }
            frame.put(label, x: start, y: y, style: style)
            for index in max(0, span.lowerBound - 1)..<span.upperBound { taken[index] = true }
        }
        if sigma > 0, range > 0 {
            for (k, label) in [(0.0, "0"), (-1, "-1σ"), (1, "+1σ"), (-2, "-2σ"), (2, "+2σ")] {
                let value = centre + k * sigma
                guard value > histogram.lower, value < histogram.upper else { continue }
                let x = column(value)
                if y - 1 >= plot.y, frame[x, y - 1].character == " " {
                    frame[x, y - 1] = styles.axis.cell(styles.glyphs.tick)
                }
                place(label, at: x - label.count / 2, style: k == 0 ? styles.axis : styles.theory.with([]))
            }
        }
        place(NumberFormat.fixed(histogram.lower, 1), at: plot.x, style: styles.muted)
        let upper = NumberFormat.fixed(histogram.upper, 1)
        place(upper, at: plot.maxX - upper.count, style: styles.muted)
    }

    /// The standard normal CDF.
    static func cdf(_ z: Double) -> Double { 0.5 * (1 + erf(z / 2.0.squareRoot())) }
}
