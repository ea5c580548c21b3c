import Foundation

/// The lab's loss curves: each run's loss against the step on a log y axis (the sweep's decades),
/// one braille line per run in its own colour; the runs panel beside it is the legend.
struct LossCurvesWidget: PanelContent {
    let runs: [LabView.Run]
    let steps: Int

    static let leftGutter = 6

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "loss (log) vs step", note: "runs: right")
    }

    /// Each run's style: four distinct theme colours, in run order.
    static func style(_ index: Int, _ styles: ThemeStyles) -> CellStyle {
        [styles.curveJacobian, styles.marker, styles.curveEntropy, styles.curveGradient][index % 4]
    }

    /// Each run's mark in ASCII, where colour may be absent: the legend says which is which.
    static func marks(_ styles: ThemeStyles) -> [String] {
        styles.ascii ? ["o", "x", "*", "+"] : ["●", "■", "▲", "◆"]
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 16, area.height >= 4 else { return }
        let plot = Rect(
            x: area.x + Self.leftGutter, y: area.y, width: area.width - Self.leftGutter - 1, height: area.height - 1)
        let values = runs.flatMap { $0.losses.map(Double.init) }
        guard let scale = LogScale(values: values, rows: plot.height * 4) else {
            let message = "waiting for the first step"
            frame.put(
                message, x: area.x + max(0, (area.width - message.count) / 2), y: area.y + area.height / 2,
                style: styles.muted, limit: area.width)
            return
        }
        drawLabels(scale: scale, plot: plot, into: &frame, styles: styles)
        let lastStep = max(steps - 1, 1)
        if styles.ascii {
            for (index, run) in runs.enumerated() {
                for column in 0..<plot.width {
                    let step = column * lastStep / max(plot.width - 1, 1)
                    guard step < run.losses.count else { break }
                    let row = scale.row(of: Double(run.losses[step])) / 4
                    frame[plot.x + column, plot.y + row] = Self.style(index, styles).cell(
                        Character(Self.marks(styles)[index]))
                }
            }
        } else {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height)
            for (index, run) in runs.enumerated() {
                for dot in 0..<(plot.width * 2) {
                    let step = dot * lastStep / max(plot.width * 2 - 1, 1)
                    guard step < run.losses.count else { break }
                    canvas.set(x: dot, y: scale.row(of: Double(run.losses[step])), series: index)
                }
            }
            canvas.draw(into: &frame, at: plot, styles: runs.indices.map { Self.style($0, styles) })
        }
        drawSteps(plot: plot, y: plot.maxY, into: &frame, styles: styles)
    }

    /// Decades on the left, each at its row.
    private func drawLabels(scale: LogScale, plot: Rect, into frame: inout Frame, styles: ThemeStyles) {
        var used = Set<Int>()
        for decade in stride(from: scale.top, through: scale.bottom, by: -1) {
            let row = scale.row(of: pow(10, decade)) / 4
            guard used.insert(row).inserted else { continue }
            frame.put(
                NumberFormat.padLeft(NumberFormat.exponent(pow(10, decade)), Self.leftGutter - 1),
                x: plot.x - Self.leftGutter, y: plot.y + row, style: styles.axis)
        }
    }

    /// The step axis: 0, the middle and the last step.
    private func drawSteps(plot: Rect, y: Int, into frame: inout Frame, styles: ThemeStyles) {
        frame.put("step 0", x: plot.x, y: y, style: styles.axis)
        let middle = String(steps / 2)
        frame.put(middle, x: plot.x + (plot.width - middle.count) / 2, y: y, style: styles.axis)
        let last = String(steps)
        frame.put(last, x: plot.maxX - last.count, y: y, style: styles.axis)
    }
}
