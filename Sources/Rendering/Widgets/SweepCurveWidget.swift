import AttentionCore
import Foundation

/// What happens if the divisor moves: against x = log2(s/√d_k), the score gradient's spread over
/// rows as a shaded band from its median (bottom edge) to its maximum (top edge) on a log axis
/// (left labels), normalized entropy as a line on a 0…1 axis (right labels), and under the plot a
/// strip marking where a naive fp16 softmax leaves its range. Each series has its own shape
/// (band, line, strip), so colour is never the only key.
struct SweepCurveWidget: PanelContent {
    let curve: [DivisorCurvePoint]
    /// log2(current divisor / √d_k).
    let currentOctave: Double
    let ascii: Bool
    /// Rows of the result that have a visible key: the curve says when it used fewer.
    let totalRows: Int
    /// The median gradient at the current divisor (the statistics panel's), for the readout.
    var currentGradMedian: Double? = nil

    var axisTitle: String { ascii ? "log2(s/sqrt(d_k))" : "log2(s/√d_k)" }

    /// The title, the series' keys, and the x axis as the note when the plot has no row for it.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(
            title: "divisor sweep", note: area.height >= Self.titleRowMinimumHeight ? "" : "x = " + axisTitle,
            keys: keys(styles: styles))
    }

    static let leftGutter = 6
    static let rightGutter = 4
    static let titleRowMinimumHeight = 7
    /// The log axis spans at most this many decades; smaller values sit on its floor.
    static let maximumDecades = 12.0

    /// The band's texture; in ASCII a dot, since `:` is the marker line there.
    private func bandGlyph(_ styles: ThemeStyles) -> Character { styles.ascii ? "." : "░" }
    private func stripGlyph(_ styles: ThemeStyles) -> Character { styles.ascii ? "=" : "━" }

    /// Which shape is which series, for the panel's top edge (the panel drops keys from the end).
    func keys(styles: ThemeStyles) -> [(text: String, style: CellStyle)] {
        let line = styles.ascii ? "*" : "⠤⠤"
        let band = String(repeating: bandGlyph(styles), count: 2)
        let dash = styles.ascii ? "-" : "–"
        return [
            ("\(line) H/ln m, right", styles.curveEntropy),
            ("\(band) grad median\(dash)max, left", styles.curveGradient),
        ]
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let points = curve.sorted { $0.octaves < $1.octaves }
        guard area.width >= 20, area.height >= 4, let lowest = points.first?.octaves,
            let highest = points.last?.octaves, highest > lowest, lowest.isFinite, highest.isFinite
        else {
            let message = "no sweep data"
            frame.put(
                message, x: area.x + max(0, (area.width - message.count) / 2), y: area.y + area.height / 2,
                style: styles.muted, limit: area.width)
            return
        }
        let showTitle = area.height >= Self.titleRowMinimumHeight
        let plot = Rect(
            x: area.x + Self.leftGutter, y: area.y, width: area.width - Self.leftGutter - Self.rightGutter,
            height: area.height - (showTitle ? 3 : 2))
        let axis = CurveAxis(points: points, plot: plot)
        let current = currentOctave.isFinite ? currentOctave : 0
        let markerX = axis.column(of: min(max(current, lowest), highest))
        for y in plot.y..<plot.maxY { frame[markerX, y] = styles.marker.with([]).cell(styles.glyphs.markerLine) }
        let scale = LogScale(points: points, rows: plot.height)
        drawBand(points, axis: axis, scale: scale, plot: plot, into: &frame, styles: styles)
        drawEntropy(points, axis: axis, plot: plot, into: &frame, styles: styles)
        drawLabels(scale: scale, plot: plot, into: &frame, styles: styles)
        drawStrip(points, axis: axis, y: plot.maxY, area: area, into: &frame, styles: styles)
        let inRange = current >= lowest && current <= highest
        let markerLabel: String
        if inRange {
            markerLabel = (styles.ascii ? "^" : "▲") + "now"
        } else {
            let arrow = current < lowest ? (styles.ascii ? "<" : "◀") : (styles.ascii ? ">" : "▶")
            markerLabel = arrow + "now " + (current > 0 ? "+" : "") + NumberFormat.fixed(current, 1)
        }
        drawTicks(
            axis: axis, y: plot.maxY + 1, markerX: markerX, markerLabel: markerLabel, into: &frame, styles: styles)
        if showTitle { drawTitle(points, plot: plot, y: plot.maxY + 2, into: &frame, styles: styles) }
    }

    /// The band from the maximum (top edge) down to the median (bottom edge), per column. Its edges
    /// are drawn to an eighth of a cell (lower blocks on top, reversed ones below), so a fall of a
    /// few tenths of a decade shows where it happens; in ASCII, whole cells.
    private func drawBand(
        _ points: [DivisorCurvePoint], axis: CurveAxis, scale: LogScale?, plot: Rect, into frame: inout Frame,
        styles: ThemeStyles
    ) {
        guard let scale else { return }
        let texture = styles.curveGradient.cell(bandGlyph(styles))
        for column in 0..<plot.width {
            let octave = axis.octave(atColumn: column)
            let top = scale.position(of: axis.logInterpolate(points.map(\.scoreGradMax), at: octave))
            let bottom = scale.position(of: axis.logInterpolate(points.map(\.scoreGradMedian), at: octave))
            let x = plot.x + column
            if styles.ascii {
                for row in Int(min(top, bottom))...Int(max(top, bottom)) { frame[x, plot.y + row] = texture }
                continue
            }
            for (row, cell) in BandColumn(top: top, bottom: bottom).cells(texture: texture, styles: styles) {
                frame[x, plot.y + row] = cell
            }
        }
    }

    /// Normalized entropy on 0…1: braille dots (a thin line over the band), `*` in ASCII.
    private func drawEntropy(
        _ points: [DivisorCurvePoint], axis: CurveAxis, plot: Rect, into frame: inout Frame, styles: ThemeStyles
    ) {
        let values = points.map(\.entropyNormalizedMean)
        if styles.ascii {
            for column in 0..<plot.width {
                let value = axis.interpolate(values, at: axis.octave(atColumn: column))
                let row = Int(((1 - value) * Double(plot.height - 1)).rounded())
                frame[plot.x + column, plot.y + row] = styles.curveEntropy.cell("*")
            }
            return
        }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for dot in 0..<(plot.width * 2) {
            let octave = axis.lowest + axis.span * Double(dot) / Double(plot.width * 2 - 1)
            let value = axis.interpolate(values, at: octave)
            canvas.set(x: dot, y: Int(((1 - value) * Double(plot.height * 4 - 1)).rounded()), series: 0)
        }
        canvas.draw(into: &frame, at: plot, styles: [styles.curveEntropy])
    }

    /// Decades of the gradient on the left, entropy's 0…1 on the right.
    private func drawLabels(scale: LogScale?, plot: Rect, into frame: inout Frame, styles: ThemeStyles) {
        let right = plot.maxX + 1
        frame.put("1.0", x: right, y: plot.y, style: styles.curveEntropy)
        if plot.height >= 5 {
            frame.put("0.5", x: right, y: plot.y + (plot.height - 1) / 2, style: styles.curveEntropy)
        }
        frame.put("0", x: right, y: plot.maxY - 1, style: styles.curveEntropy)
        guard let scale else {
            frame.put("grad", x: plot.x - Self.leftGutter, y: plot.y, style: styles.muted)
            frame.put("0", x: plot.x - 2, y: plot.maxY - 1, style: styles.curveGradient)
            return
        }
        var decades = [scale.top, scale.bottom]
        if plot.height >= 5 { decades.insert(((scale.top + scale.bottom) / 2).rounded(), at: 1) }
        var used = Set<Int>()
        for decade in decades {
            let row = scale.row(of: pow(10, decade))
            guard used.insert(row).inserted else { continue }
            let label = NumberFormat.exponent(pow(10, decade))
            frame.put(
                NumberFormat.padLeft(label, Self.leftGutter - 1), x: plot.x - Self.leftGutter, y: plot.y + row,
                style: styles.curveGradient)
        }
    }

    /// Under the plot: `━` where a naive fp16 softmax leaves its range (on the sampled rows).
    private func drawStrip(
        _ points: [DivisorCurvePoint], axis: CurveAxis, y: Int, area: Rect, into frame: inout Frame,
        styles: ThemeStyles
    ) {
        let plotX = area.x + Self.leftGutter, width = area.width - Self.leftGutter - Self.rightGutter
        frame.put("fp16", x: area.x, y: y, style: styles.marker)
        let unsafe = (0..<width).map { axis.nearest(points, at: axis.octave(atColumn: $0)).unsafeRowsFP16 > 0 }
        guard let first = unsafe.firstIndex(of: true), let last = unsafe.lastIndex(of: true) else {
            frame.put("naive softmax in range at every s", x: plotX, y: y, style: styles.muted, limit: width)
            return
        }
        for column in 0..<width where unsafe[column] {
            frame[plotX + column, y] = styles.marker.cell(stripGlyph(styles))
        }
        let text = " naive softmax out of range "
        if last - first + 1 >= text.count + 2 {
            frame.put(text, x: plotX + first + (last - first + 1 - text.count) / 2, y: y, style: styles.marker)
        } else if width - last - 2 >= text.count {
            frame.put((styles.ascii ? "<" : "◀") + text, x: plotX + last + 1, y: y, style: styles.muted)
        } else if first >= text.count + 1 {
            frame.put(text + (styles.ascii ? ">" : "▶"), x: plotX + first - text.count - 1, y: y, style: styles.muted)
        }
    }

    /// Whole-octave labels (every one, two or three octaves, as room allows); the marker's own
    /// label wins where they meet.
    private func drawTicks(
        axis: CurveAxis, y: Int, markerX: Int, markerLabel: String, into frame: inout Frame, styles: ThemeStyles
    ) {
        let plot = axis.plot
        let markerStart = min(
            max(plot.x, markerX - (markerX > plot.x + plot.width / 2 ? markerLabel.count - 1 : 0)),
            plot.maxX - markerLabel.count)
        let reserved = (markerStart - 1)...(markerStart + markerLabel.count)
        let perOctave = Double(plot.width) / axis.span
        let step = [1, 2, 3, 4, 6].first { perOctave * Double($0) >= 4 } ?? 6
        let firstOctave = Int(axis.lowest.rounded(.up)), lastOctave = Int(axis.highest.rounded(.down))
        for octave in stride(from: firstOctave, through: lastOctave, by: 1) where octave % step == 0 {
            let label = octave > 0 ? "+\(octave)" : String(octave)
            let x = axis.column(of: Double(octave)) - label.count / 2
            let span = x...(x + label.count - 1)
            // The end labels may lean one cell into the gutters.
            guard x >= plot.x - 1, x + label.count <= plot.maxX + 1, !span.overlaps(reserved) else { continue }
            frame.put(label, x: x, y: y, style: styles.axis)
        }
        frame.put(markerLabel, x: markerStart, y: y, style: styles.marker)
    }

    /// The x axis's name under its ticks, then the readout (where the median gradient peaks, its
    /// value there and now) and how many rows the curve used when it sampled, as room allows.
    private func drawTitle(
        _ points: [DivisorCurvePoint], plot: Rect, y: Int, into frame: inout Frame, styles: ThemeStyles
    ) {
        let sampled = points.first?.sampledRows ?? 0
        let note = sampled > 0 && sampled < totalRows ? "\(sampled) of \(totalRows) rows sampled" : nil
        let room = plot.width + Self.rightGutter - axisTitle.count - 2
        let readouts = readout(points) ?? []
        let choices =
            readouts.compactMap { text in note.map { text + " · " + $0 } } + readouts + [note, ""].compactMap { $0 }
        let right = choices.first { DisplayWidth.of($0) <= room } ?? ""
        let titleX = right.isEmpty ? plot.x + max(0, (plot.width - axisTitle.count) / 2) : plot.x
        frame.put(axisTitle, x: titleX, y: y, style: styles.axis)
        frame.put(right, x: plot.maxX + Self.rightGutter - DisplayWidth.of(right), y: y, style: styles.muted)
    }

    /// Where the median gradient peaks on the curve (s as a multiple of √d_k) and its value there
    /// and at the current divisor, longest spelling first; nil without a current value.
    func readout(_ points: [DivisorCurvePoint]) -> [String]? {
        guard let now = currentGradMedian, now.isFinite,
            let peak = points.filter({ $0.scoreGradMedian.isFinite }).max(by: {
                $0.scoreGradMedian < $1.scoreGradMedian
            })
        else { return nil }
        let multiple = pow(2, peak.octaves)
        let at =
            NumberFormat.fixed(multiple, max(0, NumberFormat.decimals(for: multiple) - 1))
            + (ascii ? "*sqrt(d_k)" : "·√d_k")
        let value = NumberFormat.exponentOrFixed(peak.scoreGradMedian), current = NumberFormat.exponentOrFixed(now)
        return [
            "grad median peaks at s = \(at): \(value) · now \(current)",
            "grad median: peak \(value) at \(at), now \(current)",
            "median peak \(value) at \(at), now \(current)",
        ]
    }
}

/// Maps octaves to plot columns and interpolates the curve's values between its points.
private struct CurveAxis {
    let octaves: [Double]
    let plot: Rect
    var lowest: Double { octaves[0] }
    var highest: Double { octaves[octaves.count - 1] }
    var span: Double { highest - lowest }

    init(points: [DivisorCurvePoint], plot: Rect) {
        octaves = points.map(\.octaves)
        self.plot = plot
    }

    func octave(atColumn column: Int) -> Double {
        lowest + span * Double(column) / Double(max(plot.width - 1, 1))
    }

    func column(of octave: Double) -> Int {
        plot.x + Int(((octave - lowest) / span * Double(plot.width - 1)).rounded())
    }

    /// Linear interpolation of `values` (given at the sorted octaves), clamped to 0…1.
    func interpolate(_ values: [Double], at octave: Double) -> Double {
        let value = linear(values, at: octave)
        return value.isFinite ? min(1, max(0, value)) : 0
    }

    /// Interpolation in log10 (so a power law stays straight); 0 stays 0.
    func logInterpolate(_ values: [Double], at octave: Double) -> Double {
        let logs = values.map { $0 > 0 && $0.isFinite ? log10($0) : -Double.infinity }
        let value = linear(logs, at: octave)
        return value.isFinite ? pow(10, value) : 0
    }

    func nearest(_ points: [DivisorCurvePoint], at octave: Double) -> DivisorCurvePoint {
        points.min { abs($0.octaves - octave) < abs($1.octaves - octave) } ?? points[0]
    }

    private func linear(_ values: [Double], at octave: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        guard let upper = octaves.firstIndex(where: { $0 >= octave }) else { return values[values.count - 1] }
        guard upper > 0 else { return values[0] }
        let t = (octave - octaves[upper - 1]) / (octaves[upper] - octaves[upper - 1])
        if values[upper - 1] == values[upper] { return values[upper] }
        return values[upper - 1] + (values[upper] - values[upper - 1]) * t
    }
}

/// The gradient's log axis: whole decades from just above the largest maximum down to the
/// smallest median (at most `SweepCurveWidget.maximumDecades`; smaller values sit on the floor).
/// Decades on a plot's rows, whole decades at both ends (the lab's loss curves share it).
struct LogScale {
    let top: Double
    let bottom: Double
    let rows: Int

    init?(points: [DivisorCurvePoint], rows: Int) {
        self.init(values: points.map(\.scoreGradMax) + points.map(\.scoreGradMedian), rows: rows)
    }

    /// The decades that hold every positive finite value of `values`, at least two, at most 12.
    init?(values: [Double], rows: Int) {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let largest = positive.max(), let smallest = positive.min(), rows > 0 else { return nil }
        top = log10(largest).rounded(.up)
        bottom = max(min(log10(smallest).rounded(.down), top - 2), top - SweepCurveWidget.maximumDecades)
        self.rows = rows
    }

    /// The plot row of `value` (0 at the top); 0 and tiny values land on the bottom row.
    func row(of value: Double) -> Int {
        Int(position(of: value))
    }

    /// Where `value` sits, in rows from the plot's top edge: the top decade at the middle of the
    /// first row, the bottom one at the middle of the last; 0 and tiny values on the bottom one.
    func position(of value: Double) -> Double {
        guard value > 0, value.isFinite else { return Double(rows) - 0.5 }
        let t = (top - log10(value)) / (top - bottom)
        return 0.5 + min(1, max(0, t)) * Double(rows - 1)
    }
}

/// One column of the gradient band between two positions (rows from the plot's top edge), in
/// eighths of a cell: a lower block where the maximum falls inside a cell, a reversed lower block
/// (filled from the top) where the median does, the band's texture between and for whole cells.
struct BandColumn {
    let top: Double
    let bottom: Double

    /// Lower blocks by eighths: index k fills the lower k/8 of a cell.
    static let lowerBlocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The rows to draw and their cells; the median's edge lies within 1/16 of a cell of `bottom`.
    func cells(texture: Cell, styles: ThemeStyles) -> [(row: Int, cell: Cell)] {
        let topRow = Int(top), bottomRow = Int(bottom)
        var cells: [(row: Int, cell: Cell)] = []
        if topRow < bottomRow {
            let eighths = Int(((Double(topRow + 1) - top) * 8).rounded())
            if eighths == 8 {
                cells.append((topRow, texture))
            } else if eighths > 0 {
                cells.append((topRow, styles.curveGradient.cell(Self.lowerBlocks[eighths])))
            }
            for row in (topRow + 1)..<bottomRow { cells.append((row, texture)) }
        }
        // Filled from the cell's top down to the median: the lower block of the rest, reversed.
        let filled = Int(((bottom - Double(bottomRow)) * 8).rounded())
        if filled == 8 {
            cells.append((bottomRow, texture))
        } else if filled > 0 {
            cells.append((bottomRow, styles.curveGradient.with([.reverse]).cell(Self.lowerBlocks[8 - filled])))
        }
        return cells
    }
}
