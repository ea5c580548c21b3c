import AttentionCore
import Foundation

/// The weight histogram on a log10 axis from 1e-8 to 1, with the underflow bin (weights below
/// 1e-8, including exact zeros) as its own bar at the left and the uniform weight 1/m marked.
/// Bar heights are log(1 + count): a peaked matrix has n weights near 1 against n·m near 0,
/// and both piles must show.
struct WeightHistogramWidget: PanelContent {
    let histogram: Histogram
    /// Keys per row: the uniform weight is 1/m.
    let keys: Int

    /// Columns left of the bins: the underflow bar and a gap.
    static let underflowWidth = 2

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "weights, log10", note: note)
    }

    private var note: String {
        let uniform = 1 / Double(max(keys, 1))
        return "log count · 1/m = \(NumberFormat.fixed(uniform, NumberFormat.decimals(for: uniform, maximum: 5)))"
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 10, area.height >= 3, !histogram.counts.isEmpty else { return }
        let underflowBar = Rect(x: area.x, y: area.y, width: 1, height: area.height - 1)
        let plot = Rect(
            x: area.x + Self.underflowWidth, y: area.y, width: area.width - Self.underflowWidth, height: area.height - 1
        )
        let columns = Bars.resample(histogram.counts.map(Double.init), columns: plot.width)
        let top = log1p(max(columns.max() ?? 0, Double(histogram.underflow), 1))
        let rowsPerCount = Double(plot.height) / top
        for (offset, count) in columns.enumerated() {
            Bars.draw(
                height: log1p(count) * rowsPerCount, x: plot.x + offset, area: plot, style: styles.histogram,
                into: &frame, glyphs: styles.glyphs)
        }
        Bars.draw(
            height: log1p(Double(histogram.underflow)) * rowsPerCount, x: underflowBar.x, area: underflowBar,
            style: styles.muted,
            into: &frame, glyphs: styles.glyphs)
        let range = histogram.upper - histogram.lower
        func column(_ log10Value: Double) -> Int {
            plot.x
                + min(
                    plot.width - 1,
                    max(0, Int(((log10Value - histogram.lower) / range * Double(plot.width)).rounded(.down))))
        }
        let uniform = column(log10(1 / Double(max(keys, 1))))
        for row in plot.y..<plot.maxY {
            if frame[uniform, row].character == " " {
                frame[uniform, row] = styles.marker.cell(styles.glyphs.markerLine)
            } else if styles.hasColor {
                frame[uniform, row].foreground = styles.marker.foreground
            }
        }
        let label = "1/m"
        for labelX in [uniform + 1, uniform - label.count] where labelX >= plot.x && labelX + label.count <= plot.maxX {
            guard (labelX..<(labelX + label.count)).allSatisfy({ frame[$0, plot.y].character == " " }) else { continue }
            frame.put(label, x: labelX, y: plot.y, style: styles.marker)
            break
        }
        let y = plot.maxY
        frame.put("0", x: underflowBar.x, y: y, style: styles.muted)
        var nextFree = plot.x
        for power in stride(from: Int(histogram.lower), through: Int(histogram.upper), by: 2) {
            let text = power == 0 ? "1" : "1e\(power)"
            let x = min(plot.maxX - text.count, column(Double(power)) - (power == 0 ? 0 : 0))
            guard x >= nextFree else { continue }
            nextFree = frame.put(text, x: x, y: y, style: styles.axis) + 1
        }
    }
}
