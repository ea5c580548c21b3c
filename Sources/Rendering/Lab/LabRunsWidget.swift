/// The lab's settings and each run's standing: its mark, divisor, verdict, latest loss and
/// gradient norm, two lines a run.
struct LabRunsWidget: PanelContent {
    let lab: LabView

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "runs", note: lab.paused ? "paused" : "")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        var y = area.y
        func line(_ text: String, _ style: CellStyle, x: Int = area.x) {
            guard y < area.maxY else { return }
            frame.put(text, x: x, y: y, style: style, limit: area.maxX - x)
            y += 1
        }
        line(lab.settings, styles.text)
        line("step \(lab.step) of \(lab.steps)" + (lab.paused ? " · paused" : ""), styles.muted)
        for (index, run) in lab.runs.enumerated() {
            let style = LossCurvesWidget.style(index, styles)
            let mark = LossCurvesWidget.marks(styles)[index % 4]
            let column = frame.put(mark + " " + run.name, x: area.x, y: y, style: style, limit: area.width)
            let verdict = " " + run.verdict
            if column + verdict.count <= area.maxX {
                frame.put(verdict, x: area.maxX - verdict.count, y: y, style: styles.title)
            }
            y += 1
            let loss = run.losses.last.map { NumberFormat.exponentOrFixed(Double($0)) } ?? "–"
            let norm = run.gradientNorms.last.map { NumberFormat.exponent(Double($0)) } ?? "–"
            line("loss \(loss)  ‖g‖ \(norm)", styles.muted, x: area.x + 2)
        }
    }
}

/// One run's probe attention (query rows × key columns) as half blocks, each value shaded like
/// the weights heatmap, with the run's verdict under it: rows flat, one-hot, or sharp on the target.
struct ProbeHeatmapWidget: PanelContent {
    let run: LabView.Run
    let index: Int

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(
            title: LossCurvesWidget.marks(styles)[index % 4] + " " + run.name,
            keys: [(text: run.verdict, style: LossCurvesWidget.style(index, styles))])
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let n = run.n
        guard n > 0, run.attention.count == n * n, area.width >= 4, area.height >= 2 else {
            frame.put("no step yet", x: area.x, y: area.y, style: styles.muted, limit: area.width)
            return
        }
        let shade = ShadeMapper(styles: styles, logits: false, scale: 1)
        let zoom = max(1, min(area.width / n, area.height * 2 / n))
        let width = min(area.width, n * zoom), height = min(area.height, (n * zoom + 1) / 2)
        let left = area.x + (area.width - width) / 2
        for row in 0..<height {
            for column in 0..<width {
                let key = min(n - 1, column * n / width)
                let upper = min(n - 1, (row * 2) * n / (height * 2))
                let lower = min(n - 1, (row * 2 + 1) * n / (height * 2))
                let top = run.attention[upper * n + key], bottom = run.attention[lower * n + key]
                let cell: Cell
                if styles.hasColor && !styles.ascii {
                    cell = Cell("▀", foreground: shade.color(top), background: shade.color(bottom))
                } else {
                    cell = styles.text.cell(shade.character(max(top, bottom)))
                }
                frame[left + column, area.y + row] = cell
            }
        }
    }
}
