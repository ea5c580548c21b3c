extension ScreenRenderer {
    /// The training lab at `width` × `height`: the loss curves and the runs' standing on top, one
    /// probe heatmap per run below (or the transfer grid while it is open), the status line last;
    /// an empty `status` shows the lab's note.
    public func renderLab(_ lab: LabView, status: String, showHelp: Bool, keys: ScreenKeys, width: Int, height: Int)
        -> Frame
    {
        var frame = Frame(width: width, height: height, filling: styles.canvas.cell(" "))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &frame)
            if ascii { frame.makeASCII() }
            return frame
        }
        let body = height - 1
        let lower = min(max(11, body / 3), body - 10)
        let upper = body - lower
        let runsWidth = min(max(30, width / 4), 40)
        let slots: [(area: Rect, widget: any Widget)] =
            [
                (
                    Rect(x: 0, y: 0, width: width - runsWidth, height: upper),
                    Panel(LossCurvesWidget(runs: lab.runs, steps: lab.steps))
                ),
                (Rect(x: width - runsWidth, y: 0, width: runsWidth, height: upper), Panel(LabRunsWidget(lab: lab))),
            ] + lowerSlots(lab, area: Rect(x: 0, y: upper, width: width, height: lower))
            + [
                (
                    Rect(x: 0, y: body, width: width, height: 1),
                    StatusBar(message: status.isEmpty ? lab.note : status, hints: keys.hints)
                )
            ]
        for slot in slots { slot.widget.draw(into: &frame, area: slot.area, styles: styles) }
        if showHelp {
            let screen = Rect(x: 0, y: 0, width: width, height: body)
            let help = HelpOverlay(entries: keys.help, panels: [])
            Panel(help, opaque: true).draw(into: &frame, area: help.box(in: screen, styles: styles), styles: styles)
        }
        if ascii { frame.makeASCII() }
        return frame
    }

    /// The probe heatmaps side by side, or the transfer grid's tables with its progress.
    private func lowerSlots(_ lab: LabView, area: Rect) -> [(area: Rect, widget: any Widget)] {
        if let grid = lab.grid {
            let count = max(1, grid.policies.count)
            let progress = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
            let tables = (0..<grid.policies.count).map { index -> (area: Rect, widget: any Widget) in
                let x = area.x + index * area.width / count
                let next = area.x + (index + 1) * area.width / count
                return (
                    Rect(x: x, y: area.y, width: next - x, height: area.height - 1),
                    Panel(TransferGridWidget(grid: grid, policy: index))
                )
            }
            return tables + [(progress, GridProgressLine(grid: grid))]
        }
        let count = max(1, lab.runs.count)
        return lab.runs.enumerated().map { index, run in
            let x = area.x + index * area.width / count
            let next = area.x + (index + 1) * area.width / count
            return (
                Rect(x: x, y: area.y, width: next - x, height: area.height),
                Panel(ProbeHeatmapWidget(run: run, index: index))
            )
        }
    }
}

/// Under the transfer grid: how many runs are done, and what the grid is for.
struct GridProgressLine: Widget {
    let grid: TransferGridView

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let text = "grid: \(grid.done) of \(grid.total) runs done · does the best lr stay put as d_k grows?"
        frame.put(" " + text, x: area.x, y: area.y, style: styles.muted, limit: area.width)
    }
}
