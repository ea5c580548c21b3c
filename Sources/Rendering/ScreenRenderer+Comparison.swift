import AttentionCore
import Foundation
import TensorFiles

extension ScreenRenderer {
    /// The split screen of `b` and `snapshot --compare`: the current divisor's heatmap beside the
    /// standard divisor's (√d_k, alpha 1), both on one colour scale (and, when tall enough, the
    /// selected row's weights under each), over a table of the key statistics in columns (now,
    /// √d_k, ratio) with both regime badges; `keys` are the app's for it.
    public func renderComparison(
        result: AttentionResult, baseline: AttentionResult, view: ViewState, keys: ScreenKeys, width: Int, height: Int
    ) -> Frame {
        var frame = Frame(width: width, height: height, filling: styles.canvas.cell(" "))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &frame)
            if ascii { frame.makeASCII() }
            return frame
        }
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 0, width: width, height: status.y)
        let (pictures, tableArea) = body.splitTop(body.height - ComparisonTable.innerHeight - 2)
        let halves = pictures.columns(2)
        let mask = Mask(n: result.params.n, m: result.params.m, causal: result.params.causal)
        let row = min(max(0, view.selectedRow), max(0, result.weights.rows - 1))
        // One colour scale: in the logits view both pictures share the larger half range.
        let logitScale = max(Self.largestFiniteMagnitude(result.logits), Self.largestFiniteMagnitude(baseline.logits))
        let names = ComparisonNames(result: result, baseline: baseline, ascii: ascii)
        var slots: [(area: Rect?, widget: any Widget)] = []
        for (side, title, half) in [(result, names.now, halves[0]), (baseline, names.baseline, halves[1])] {
            let heatmap = HeatmapWidget(
                matrix: view.heatmap == .logits ? side.logits : side.weights, mask: mask, mode: view.heatmap,
                selectedRow: row, logitScale: view.heatmap == .logits ? logitScale : nil,
                sharpness: RowSharpness(result: side))
            // The picture takes what it needs; a tall screen shows the selected row under it.
            let geometry = HeatmapWidget.geometry(
                rows: heatmap.matrix.rows, cols: heatmap.matrix.cols, area: half.inset(1), styles: styles)
            let needed = HeatmapWidget.size(of: geometry, rows: heatmap.matrix.rows).height + 2
            let split = half.height - needed >= 7
            let (picture, rest) = split ? half.splitTop(needed) : (half, half)
            let shown = view.heatmap == .logits ? "logits" : "weights"
            slots.append((picture, Panel(Retitled(content: heatmap, title: title, notePrefix: shown))))
            if split {
                slots.append((rest, Panel(RowInspectorWidget(weights: side.weights, mask: mask, row: row))))
            }
        }
        let message = view.status.isEmpty ? "comparing with s = √d_k · b returns" : view.status
        let help = HelpOverlay(entries: keys.help, panels: [])
        slots += [
            (
                tableArea,
                Panel(
                    ComparisonTable(
                        now: result.stats, baseline: baseline.stats, titles: (names.nowColumn, names.baselineColumn),
                        ascii: ascii))
            ),
            (
                status,
                StatusBar(
                    message: ascii ? message.replacingOccurrences(of: "√d_k", with: "sqrt(d_k)") : message,
                    hints: keys.hints)
            ),
            (view.showHelp ? help.box(in: body, styles: styles) : nil, Panel(help, opaque: true)),
        ]
        for slot in slots {
            if let area = slot.area { slot.widget.draw(into: &frame, area: area, styles: styles) }
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

/// A panel's content under another title: each side of the split view names its divisor, and
/// keeps the content's own note (size and pooling) after `notePrefix` (which matrix it shows).
private struct Retitled<Content: PanelContent>: PanelContent {
    let content: Content
    let title: String
    let notePrefix: String

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        var heading = content.heading(inside: area, styles: styles)
        heading.title = title
        heading.note = heading.note.isEmpty ? notePrefix : notePrefix + " · " + heading.note
        return heading
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        content.draw(into: &frame, area: area, styles: styles)
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
