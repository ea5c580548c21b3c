import AttentionCore
import Foundation

extension ScreenRenderer {
    /// The split screen of `b` and `snapshot --compare`: the current divisor's heatmap beside the
    /// standard divisor's (√d_k, alpha 1), both on one colour scale (and, when tall enough, the
    /// selected row's weights under each), over a table of the key statistics in columns (now,
    /// √d_k, ratio) with both regime badges.
    public func renderComparison(
        result: AttentionResult, baseline: AttentionResult, view: ViewState, width: Int, height: Int
    ) -> Frame {
        var frame = Frame(width: width, height: height, filling: styles.canvas.cell(" "))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &frame)
            if ascii { frame.makeASCII() }
            return frame
        }
        let statusRow = height - 1
        let body = Rect(x: 0, y: 0, width: width, height: statusRow)
        let (pictures, tableArea) = body.splitTop(body.height - ComparisonTable.rows - 2)
        let halves = pictures.columns(2)
        let mask = Mask(n: result.params.n, m: result.params.m, causal: result.params.causal)
        let row = min(max(0, view.selectedRow), max(0, result.weights.rows - 1))
        // One colour scale: in the logits view both pictures share the larger half range.
        let logitScale = max(Self.largestFiniteMagnitude(result.logits), Self.largestFiniteMagnitude(baseline.logits))
        let names = ComparisonNames(result: result, baseline: baseline, ascii: ascii)
        for (side, title, half) in [(result, names.now, halves[0]), (baseline, names.baseline, halves[1])] {
            let matrix = view.heatmap == .logits ? side.logits : side.weights
            let geometry = HeatmapWidget.geometry(
                rows: matrix.rows, cols: matrix.cols, area: half.inset(1), styles: styles)
            // The picture takes what it needs; a tall screen shows the selected row under it.
            let needed = HeatmapWidget.size(of: geometry, rows: matrix.rows).height + 2
            let (area, rest) =
                half.height - needed >= 7 ? half.splitTop(needed) : (half, Rect(x: 0, y: 0, width: 0, height: 0))
            var note = view.heatmap == .logits ? "logits" : "weights"
            if geometry.pool > 1 { note += " · pooled \(geometry.pool)×" }
            Panel(title: title, note: note).draw(into: &frame, area: area, styles: styles)
            HeatmapWidget(
                matrix: matrix, mask: mask, mode: view.heatmap, selectedRow: row,
                logitScale: view.heatmap == .logits ? logitScale : nil
            )
            .draw(into: &frame, area: area.inset(1), styles: styles)
            if !rest.isEmpty {
                let inspector = RowInspectorWidget(weights: side.weights, mask: mask, row: row)
                let inner = Panel(
                    title: inspector.title(width: Panel.titleRoom(width: rest.width)),
                    note: inspector.note(width: rest.width - 2)
                )
                .draw(into: &frame, area: rest, styles: styles)
                inspector.draw(into: &frame, area: inner, styles: styles)
            }
        }
        let table = ComparisonTable(now: result.stats, baseline: baseline.stats, ascii: ascii)
        let inner = Panel(title: "now vs the standard divisor", note: "same inputs, same d_k").draw(
            into: &frame, area: tableArea, styles: styles)
        table.draw(into: &frame, area: inner, titles: (names.nowColumn, names.baselineColumn), styles: styles)
        let message = view.status.isEmpty ? "comparing with s = √d_k · b returns" : view.status
        StatusBar(
            message: ascii ? message.replacingOccurrences(of: "√d_k", with: "sqrt(d_k)") : message,
            hints: keys.hints(in: view.mode)
        )
        .draw(into: &frame, row: statusRow, width: width, styles: styles)
        if view.showHelp {
            HelpOverlay(entries: keys.entries(in: view.mode)).draw(
                into: &frame, area: Rect(x: 0, y: 0, width: width, height: statusRow), styles: styles)
        }
        if ascii { frame.makeASCII() }
        return frame
    }

    /// The largest |value| among the finite entries (masked logits are −∞); 1 when there is none.
    static func largestFiniteMagnitude(_ matrix: Matrix) -> Double {
        let largest = matrix.values.reduce(Float(0)) { $1.isFinite ? max($0, abs($1)) : $0 }
        return largest > 0 ? Double(largest) : 1
    }
}

/// How the two sides are named: by their divisor, so the user sees what changed.
private struct ComparisonNames {
    let now: String
    let baseline: String
    let nowColumn: String
    let baselineColumn: String

    init(result: AttentionResult, baseline: AttentionResult, ascii: Bool) {
        let root = ascii ? "sqrt(d_k)" : "√d_k"
        let divisor = NumberFormat.exponentOrFixed(result.divisor)
        let standard = NumberFormat.exponentOrFixed(baseline.divisor)
        now = "now · s = \(divisor) (\(Self.policy(result.params, root: root)))"
        self.baseline = "standard · s = \(root) = \(standard)"
        nowColumn = "now (s = \(divisor))"
        baselineColumn = "\(root) (s = \(standard))"
    }

    private static func policy(_ params: AttentionParams, root: String) -> String {
        let alpha = params.alpha == 1 ? "" : NumberFormat.exponentOrFixed(params.alpha) + "·"
        switch params.scale {
        case .sqrtDk: return alpha + root
        case .dk: return alpha + "d_k"
        case .none: return params.alpha == 1 ? "no divisor" : "alpha only"
        case .fixed: return "fixed"
        }
    }
}
