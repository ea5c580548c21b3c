import Foundation
import AttentionCore

/// Normalized entropy and score gradient against log2(s / √d_k) over the sweep's range, with a
/// marker at the current divisor: both ends of the gradient fall away, √d_k sits near the top.
struct SweepCurveWidget {
    let curve: [DivisorCurvePoint]
    /// log2(current divisor / √d_k).
    let currentOctave: Double
    let ascii: Bool

    var title: String { "divisor sweep" }
    var note: String { ascii ? "x = log2(s/sqrt(d_k))" : "x = log2(s/√d_k)" }

    private static let labelWidth = 4

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 16, area.height >= 4 else { return }
        let points = curve.sorted { $0.octaves < $1.octaves }
        guard let first = points.first, let last = points.last, last.octaves > first.octaves else {
            let message = "no sweep data"
            frame.put(message, x: area.x + (area.width - message.count) / 2, y: area.y + area.height / 2, style: styles.muted)
            return
        }
        let plot = Rect(x: area.x + Self.labelWidth, y: area.y, width: area.width - Self.labelWidth, height: area.height - 1)
        let lowest = first.octaves, span = last.octaves - first.octaves
        let gradientPeak = max(points.map(\.scoreGradMean).max() ?? 0, 1e-300)
        func column(_ octave: Double) -> Int { plot.x + Int(((octave - lowest) / span * Double(plot.width - 1)).rounded()) }
        let markerX = column(min(max(currentOctave, lowest), last.octaves))
        for y in plot.y..<plot.maxY { frame[markerX, y] = styles.marker.with([]).cell(styles.glyphs.markerLine) }
        let series: [(values: [Double], style: CellStyle, glyph: Character)] = [
            (points.map { $0.scoreGradMean / gradientPeak }, styles.curveGradient, "o"),
            (points.map(\.entropyNormalizedMean), styles.curveEntropy, "*"),
        ]
        let octaves = points.map(\.octaves)
        if styles.ascii || !styles.hasColor {
            for line in series { plotGlyphs(line.values, octaves: octaves, glyph: line.glyph, style: line.style, plot: plot, into: &frame) }
        } else {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height)
            for (index, line) in series.enumerated() {
                for dot in 0..<(plot.width * 2) {
                    let octave = lowest + span * Double(dot) / Double(plot.width * 2 - 1)
                    let value = Self.interpolate(line.values, at: octave, octaves: octaves)
                    canvas.set(x: dot, y: Int(((1 - value) * Double(plot.height * 4 - 1)).rounded()), series: index)
                }
            }
            canvas.draw(into: &frame, at: plot, styles: series.map(\.style))
        }
        frame.put("1.0", x: area.x, y: plot.y, style: styles.axis)
        frame.put("0.5", x: area.x, y: plot.y + (plot.height - 1) / 2, style: styles.axis)
        frame.put("0", x: area.x + 2, y: plot.maxY - 1, style: styles.axis)
        drawAxis(plot: plot, lowest: lowest, highest: last.octaves, markerX: markerX, into: &frame, styles: styles)
    }

    /// Whole-octave labels under the plot; the marker's own label wins where they meet.
    private func drawAxis(plot: Rect, lowest: Double, highest: Double, markerX: Int, into frame: inout Frame, styles: ThemeStyles) {
        let y = plot.maxY
        let markerLabel = styles.ascii ? "^now" : "▲now"
        let markerStart = min(max(plot.x, markerX), plot.maxX - markerLabel.count)
        let reserved = (markerStart - 1)...(markerStart + markerLabel.count)
        for octave in Int(lowest.rounded(.up))...Int(highest.rounded(.down)) {
            let label = octave > 0 ? "+\(octave)" : String(octave)
            let x = plot.x + Int(((Double(octave) - lowest) / (highest - lowest) * Double(plot.width - 1)).rounded()) - label.count / 2
            let span = x...(x + label.count - 1)
            guard x >= plot.x, x + label.count <= plot.maxX, !span.overlaps(reserved) else { continue }
            frame.put(label, x: x, y: y, style: styles.axis)
        }
        frame.put(markerLabel, x: markerStart, y: y, style: styles.marker)
    }

    /// Which colour (or glyph) is which series, for the panel's top edge.
    func keys(styles: ThemeStyles) -> [(text: String, style: CellStyle)] {
        let plain = styles.ascii || !styles.hasColor
        let peak = curve.map(\.scoreGradMean).max() ?? 0
        return [
            ("\(plain ? "*" : "━") H/ln m", styles.curveEntropy),
            ("\(plain ? "o" : "━") score grad ÷ \(NumberFormat.exponentOrFixed(peak))", styles.curveGradient),
        ]
    }

    private func plotGlyphs(_ values: [Double], octaves: [Double], glyph: Character, style: CellStyle, plot: Rect, into frame: inout Frame) {
        for column in 0..<plot.width {
            let octave = octaves[0] + (octaves[octaves.count - 1] - octaves[0]) * Double(column) / Double(max(plot.width - 1, 1))
            let value = Self.interpolate(values, at: octave, octaves: octaves)
            let row = plot.y + Int(((1 - value) * Double(plot.height - 1)).rounded())
            frame[plot.x + column, row] = style.cell(glyph)
        }
    }

    /// Linear interpolation of `values` (given at sorted `octaves`), clamped to 0…1.
    static func interpolate(_ values: [Double], at octave: Double, octaves: [Double]) -> Double {
        guard let upper = octaves.firstIndex(where: { $0 >= octave }) else { return min(1, max(0, values.last ?? 0)) }
        guard upper > 0 else { return min(1, max(0, values[0])) }
        let t = (octave - octaves[upper - 1]) / (octaves[upper] - octaves[upper - 1])
        let value = values[upper - 1] + (values[upper] - values[upper - 1]) * t
        return value.isFinite ? min(1, max(0, value)) : 0
    }
}

extension NumberFormat {
    /// Three significant digits, in exponent form below 0.001.
    static func exponentOrFixed(_ value: Double) -> String {
        abs(value) < 0.001 && value != 0 ? exponent(value) : fixed(value, decimals(for: value, maximum: 4))
    }
}
