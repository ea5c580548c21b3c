import AttentionCore
import Foundation

/// Normalized entropy, the softmax Jacobian norm and the score gradient against log2(s / √d_k)
/// over the sweep's range, with a marker at the current divisor. The two gradient curves are
/// scaled to their own peaks (named in the key) so their shapes compare on one 0…1 axis.
struct SweepCurveWidget: PanelContent {
    let curve: [DivisorCurvePoint]
    /// log2(current divisor / √d_k).
    let currentOctave: Double
    let ascii: Bool

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(
            title: "divisor sweep", note: ascii ? "x = log2(s/sqrt(d_k))" : "x = log2(s/√d_k)",
            keys: keys(styles: styles))
    }

    private static let labelWidth = 4

    /// One plotted line: values in 0…1 per curve point, its colour, its glyph without colour, its key.
    struct Series {
        let values: [Double]
        let style: CellStyle
        let glyph: Character
        let key: String
    }

    func series(styles: ThemeStyles) -> [Series] {
        let points = curve.sorted { $0.octaves < $1.octaves }
        let gradientPeak = points.map(\.scoreGradMean).max() ?? 0
        let jacobianPeak = points.map(\.jacobianFroMean).max() ?? 0
        let plain = styles.ascii || !styles.hasColor
        func scaled(_ values: [Double], _ peak: Double) -> [Double] { peak > 0 ? values.map { $0 / peak } : values }
        var lines: [Series] = []
        if gradientPeak > 0 {
            lines.append(
                Series(
                    values: scaled(points.map(\.scoreGradMean), gradientPeak), style: styles.curveGradient, glyph: "o",
                    key: "\(plain ? "o" : "━") grad÷\(NumberFormat.exponentOrFixed(gradientPeak))"))
        }
        if jacobianPeak > 0 {
            lines.append(
                Series(
                    values: scaled(points.map(\.jacobianFroMean), jacobianPeak), style: styles.curveJacobian,
                    glyph: "+",
                    key: "\(plain ? "+" : "━") \(ascii ? "|J|" : "‖J‖")÷\(NumberFormat.exponentOrFixed(jacobianPeak))"))
        }
        lines.append(
            Series(
                values: points.map(\.entropyNormalizedMean), style: styles.curveEntropy, glyph: "*",
                key: "\(plain ? "*" : "━") H/ln m"))
        return lines
    }

    /// Which colour (or glyph) is which series, for the panel's top edge: entropy, gradient,
    /// Jacobian (the panel drops keys from the end when short of room).
    func keys(styles: ThemeStyles) -> [(text: String, style: CellStyle)] {
        let lines = series(styles: styles)
        return ([lines.last] + lines.dropLast()).compactMap { $0 }.map { ($0.key, $0.style) }
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 16, area.height >= 4 else { return }
        let octaves = curve.map(\.octaves).sorted()
        guard let lowest = octaves.first, let highest = octaves.last, highest > lowest, lowest.isFinite,
            highest.isFinite
        else {
            let message = "no sweep data"
            frame.put(
                message, x: area.x + (area.width - message.count) / 2, y: area.y + area.height / 2, style: styles.muted)
            return
        }
        let plot = Rect(
            x: area.x + Self.labelWidth, y: area.y, width: area.width - Self.labelWidth, height: area.height - 1)
        let span = highest - lowest
        let current = currentOctave.isFinite ? currentOctave : 0
        let inRange = current >= lowest && current <= highest
        let markerX =
            plot.x + Int(((min(max(current, lowest), highest) - lowest) / span * Double(plot.width - 1)).rounded())
        for y in plot.y..<plot.maxY { frame[markerX, y] = styles.marker.with([]).cell(styles.glyphs.markerLine) }
        let lines = series(styles: styles)
        if styles.ascii || !styles.hasColor {
            for line in lines { plotGlyphs(line, octaves: octaves, plot: plot, into: &frame) }
        } else {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height)
            for (index, line) in lines.enumerated() {
                for dot in 0..<(plot.width * 2) {
                    let octave = lowest + span * Double(dot) / Double(plot.width * 2 - 1)
                    let value = Self.interpolate(line.values, at: octave, octaves: octaves)
                    canvas.set(x: dot, y: Int(((1 - value) * Double(plot.height * 4 - 1)).rounded()), series: index)
                }
            }
            canvas.draw(into: &frame, at: plot, styles: lines.map(\.style))
        }
        frame.put("1.0", x: area.x, y: plot.y, style: styles.axis)
        frame.put("0.5", x: area.x, y: plot.y + (plot.height - 1) / 2, style: styles.axis)
        frame.put("0", x: area.x + 2, y: plot.maxY - 1, style: styles.axis)
        let markerLabel: String
        if inRange {
            markerLabel = (styles.ascii ? "^" : "▲") + "now"
        } else {
            let arrow = current < lowest ? (styles.ascii ? "<" : "◀") : (styles.ascii ? ">" : "▶")
            markerLabel = arrow + "now " + (current > 0 ? "+" : "") + NumberFormat.fixed(current, 1)
        }
        drawAxis(
            plot: plot, lowest: lowest, highest: highest, markerX: markerX, markerLabel: markerLabel, into: &frame,
            styles: styles)
    }

    /// Whole-octave labels under the plot; the marker's own label wins where they meet.
    private func drawAxis(
        plot: Rect, lowest: Double, highest: Double, markerX: Int, markerLabel: String, into frame: inout Frame,
        styles: ThemeStyles
    ) {
        let y = plot.maxY
        let markerStart = min(
            max(plot.x, markerX - (markerX > plot.x + plot.width / 2 ? markerLabel.count - 1 : 0)),
            plot.maxX - markerLabel.count)
        let reserved = (markerStart - 1)...(markerStart + markerLabel.count)
        for octave in stride(from: Int(lowest.rounded(.up)), through: Int(highest.rounded(.down)), by: 1) {
            let label = octave > 0 ? "+\(octave)" : String(octave)
            let x =
                plot.x + Int(((Double(octave) - lowest) / (highest - lowest) * Double(plot.width - 1)).rounded())
                - label.count / 2
            let span = x...(x + label.count - 1)
            guard x >= plot.x, x + label.count <= plot.maxX, !span.overlaps(reserved) else { continue }
            frame.put(label, x: x, y: y, style: styles.axis)
        }
        frame.put(markerLabel, x: markerStart, y: y, style: styles.marker)
    }

    private func plotGlyphs(_ line: Series, octaves: [Double], plot: Rect, into frame: inout Frame) {
        let lowest = octaves[0], span = octaves[octaves.count - 1] - octaves[0]
        for column in 0..<plot.width {
            let octave = lowest + span * Double(column) / Double(max(plot.width - 1, 1))
            let value = Self.interpolate(line.values, at: octave, octaves: octaves)
            let row = plot.y + Int(((1 - value) * Double(plot.height - 1)).rounded())
            frame[plot.x + column, row] = line.style.cell(line.glyph)
        }
    }

    /// Linear interpolation of `values` (given at sorted `octaves`), clamped to 0…1.
    static func interpolate(_ values: [Double], at octave: Double, octaves: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        guard let upper = octaves.firstIndex(where: { $0 >= octave }) else { return clamp(values[values.count - 1]) }
        guard upper > 0 else { return clamp(values[0]) }
        let t = (octave - octaves[upper - 1]) / (octaves[upper] - octaves[upper - 1])
        return clamp(values[upper - 1] + (values[upper] - values[upper - 1]) * t)
    }

    private static func clamp(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }
}
