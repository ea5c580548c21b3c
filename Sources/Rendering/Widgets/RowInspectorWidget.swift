import AttentionCore
import Foundation
import TensorFiles

/// The selected query row's weights as a bar chart over the keys, tinted along the weight ramp by
/// height (from a third up, so low bars stay visible); masked keys are marked on the baseline.
/// When keys outnumber columns a bar stands for the largest weight it covers, never their mean, so a
/// one-hot row still reaches the top: the peak is the point of this panel.
struct RowInspectorWidget: PanelContent {
    let weights: Matrix
    let mask: Mask
    let row: Int
    /// The y axis's top when two panels share one scale (the split view of `b`); nil: this row's
    /// own largest bar, so a flat row still fills the panel.
    var sharedTop: Double? = nil

    /// Keys pooled per bar when there are more keys than columns.
    func pool(width: Int) -> Int {
        let plotWidth = max(1, width - Self.labelWidth)
        return max(1, (weights.cols + plotWidth - 1) / plotWidth)
    }

    static let labelWidth = 6

    /// The row's largest visible weight and its key (the first of ties); nil when every key is masked.
    var peak: (key: Int, weight: Double)? {
        let visible = mask.visibleKeys(row: row).clamped(to: 0..<weights.cols)
        var best: (key: Int, weight: Double)?
        for key in visible where best.map({ Double(weights[row, key]) > $0.weight }) ?? true {
            best = (key, Double(weights[row, key]))
        }
        return best
    }

    /// The panel title: the row, and its true largest weight and key, in the longest spelling that
    /// fits `width` characters (the maximum is what a reader looks for, so it never drops out).
    func title(width: Int) -> String {
        let peakText: [String]
        if let peak {
            let weight = NumberFormat.fixed(peak.weight, NumberFormat.decimals(for: peak.weight))
            peakText = ["max \(weight) at key \(peak.key)", "max \(weight) @\(peak.key)"]
        } else {
            peakText = ["all keys masked", "masked"]
        }
        let candidates = [
            "row \(row) of \(weights.rows) · \(peakText[0])", "row \(row) · \(peakText[0])",
            "row \(row) · \(peakText[1])", "r\(row) \(peakText[1])",
        ]
        return candidates.first { $0.count <= width } ?? candidates[candidates.count - 1]
    }

    /// The title at the room the panel gives it, and the pooling at this width.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: title(width: PanelHeading.titleRoom(width: area.width + 2)), note: note(width: area.width))
    }

    /// Said in the panel's note: a bar that covers several keys, a y scale shared with a twin.
    func note(width: Int) -> String {
        let pool = pool(width: width)
        let shared = sharedTop.map { _ in "one y scale" }
        return ([pool > 1 ? "bar = max of \(pool) keys" : nil, shared].compactMap { $0 }).joined(separator: " · ")
    }

    /// Each bar's height: the largest visible weight among the keys it covers (nil: all masked).
    func barValues(pool: Int) -> [Double?] {
        let visible = mask.visibleKeys(row: row)
        let bars = (weights.cols + pool - 1) / pool
        return (0..<bars).map { bar in
            let shown = ((bar * pool)..<min(weights.cols, (bar + 1) * pool)).clamped(to: visible)
            return shown.isEmpty ? nil : shown.map { Double(weights[row, $0]) }.max()
        }
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width > Self.labelWidth + 2, area.height >= 3, weights.cols > 0, row < weights.rows else { return }
        let plot = Rect(
            x: area.x + Self.labelWidth, y: area.y, width: area.width - Self.labelWidth, height: area.height - 1)
        let pool = pool(width: area.width)
        let bars = (weights.cols + pool - 1) / pool
        // Equal whole-cell bars when they fill most of the width; otherwise bars share the whole
        // width (some one cell wider than others) rather than leave half of it empty.
        let exact = max(1, Double(plot.width) / Double(bars))
        let barWidth = exact.rounded(.down) * Double(bars) >= 0.8 * Double(plot.width) ? exact.rounded(.down) : exact
        let gap = barWidth >= 3 ? 1 : 0
        func start(of bar: Int) -> Int { plot.x + Int((Double(bar) * barWidth).rounded()) }
        let values = barValues(pool: pool)
        let top = max(sharedTop ?? values.compactMap { $0 }.max() ?? 0, 1e-12)
        for (bar, value) in values.enumerated() {
            for x in start(of: bar)..<max(start(of: bar) + 1, start(of: bar + 1) - gap) {
                guard let value else {
                    frame[x, plot.maxY - 1] = styles.maskedPattern.cell(styles.glyphs.masked)
                    continue
                }
                var style = styles.histogram
                if styles.hasColor { style.foreground = styles.rampColor(0.35 + 0.65 * value / top, logits: false) }
                Bars.draw(
                    height: value / top * Double(plot.height), x: x, area: plot, style: style, into: &frame,
                    glyphs: styles.glyphs)
            }
        }
        let labels = NumberFormat.aligned([top, top / 2, 0], maximumDecimals: 3)
        frame.put(
            NumberFormat.padLeft(labels[0].trimmingWhitespace(), Self.labelWidth - 1), x: area.x, y: plot.y,
            style: styles.axis)
        if plot.height >= 5 {
            frame.put(
                NumberFormat.padLeft(labels[1].trimmingWhitespace(), Self.labelWidth - 1), x: area.x,
                y: plot.y + plot.height / 2, style: styles.axis)
        }
        frame.put(NumberFormat.padLeft("0", Self.labelWidth - 1), x: area.x, y: plot.maxY - 1, style: styles.axis)
        let cellsPerKey = barWidth / Double(pool)
        let step = HeatmapWidget.niceStep(minimumCells: 6, cellsPerIndex: cellsPerKey)
        var nextFree = plot.x
        for key in stride(from: 0, to: weights.cols, by: step) {
            let x = start(of: key / pool)
            let label = String(key)
            guard x >= nextFree, x + label.count <= plot.maxX else { continue }
            nextFree = frame.put(label, x: x, y: plot.maxY, style: styles.axis) + 1
        }
    }
}
