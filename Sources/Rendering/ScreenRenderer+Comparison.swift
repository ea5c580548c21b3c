import AttentionCore
import Foundation
import TensorFiles

extension ScreenRenderer {
    /// The split screen of `b` and `snapshot --compare`: the current divisor's heatmap beside the
    /// standard divisor's (√d_k, alpha 1), both on one colour scale (and, when tall enough, the
    /// selected row's weights under each), over a table of the key statistics in columns (now,
    /// √d_k, ratio) with both regime badges; `keys` are the app's for it.
    public func renderComparison(
        result: AttentionResult, baseline: AttentionResult, view: ViewState, model: ModelView? = nil, keys: ScreenKeys,
        caption: String? = nil, width: Int, height: Int
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
        // One y scale for the two row panels: the larger of the two rows' peaks.
        let sharedTop = [result, baseline].compactMap {
            RowInspectorWidget(weights: $0.weights, mask: mask, row: row).peak?.weight
        }.max()
        let names = ComparisonNames(result: result, baseline: baseline, ascii: ascii)
        var slots: [(area: Rect?, widget: any Widget)] = []
        for (side, title, half) in [(result, names.now, halves[0]), (baseline, names.baseline, halves[1])] {
            let shown = view.heatmap == .logits ? "logits" : "weights"
            let picture = ComparisonSide(
                side: side, mask: mask, row: row, view: view, model: model,
                logitScale: view.heatmap == .logits ? logitScale : nil, sharedTop: sharedTop)
            // The picture takes what it needs; a tall screen shows the selected row under it (a
            // token picture shortens its key labels to leave the row panel its rows).
            let needed = picture.heatmapHeight(in: half.inset(1), styles: styles) + 2
            let split = half.height - needed >= Self.comparedRowPanelHeight
            let (top, rest) = split ? half.splitTop(needed) : (half, half)
            slots.append((top, picture.heatmapPanel(title: title, notePrefix: shown)))
            if split { slots.append((rest, picture.rowPanel)) }
        }
        let message = view.status.isEmpty ? "comparing with s = √d_k · Esc returns" : view.status
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
                caption.map { CaptionLine(text: $0) }
                    ?? StatusBar(
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

    /// The fewest rows of a row panel under each picture of the split view.
    static let comparedRowPanelHeight = 7

    /// The largest |value| among the finite entries (masked logits are −∞); 1 when there is none.
    static func largestFiniteMagnitude(_ matrix: Matrix) -> Double {
        let largest = matrix.values.reduce(Float(0)) { $1.isFinite ? max($0, abs($1)) : $0 }
        return largest > 0 ? Double(largest) : 1
    }
}

/// One side of the split view: its heatmap (by token with a model, as in the single view) and
/// its selected row (ranked by token with a model), on the scales both sides share.
private struct ComparisonSide {
    let side: AttentionResult
    let mask: Mask
    let row: Int
    let view: ViewState
    let model: ModelView?
    let logitScale: Double?
    let sharedTop: Double?

    private var matrix: Matrix { view.heatmap == .logits ? side.logits : side.weights }

    private var generic: HeatmapWidget {
        HeatmapWidget(
            matrix: matrix, mask: mask, mode: view.heatmap, selectedRow: row, logitScale: logitScale,
            sharpness: RowSharpness(result: side))
    }

    private func tokens(_ model: ModelView) -> TokenHeatmapWidget {
        TokenHeatmapWidget(
            matrix: matrix, mask: mask, mode: view.heatmap, queryTokens: model.labels.tokens,
            keyTokens: model.labels.tokens, selectedRow: row, zoomed: model.zoomed,
            sharpness: RowSharpness(result: side), logitScale: logitScale)
    }

    /// The rows the heatmap needs inside `area` (a panel's inside).
    func heatmapHeight(in area: Rect, styles: ThemeStyles) -> Int {
        if let model {
            let widget = tokens(model)
            let full = widget.size(in: area, styles: styles).height
            let short = Rect(
                x: area.x, y: area.y, width: area.width,
                height: area.height - ScreenRenderer.comparedRowPanelHeight)
            let shortened = widget.size(in: short, styles: styles).height
            return shortened <= short.height && shortened >= matrix.rows ? shortened : full
        }
        let geometry = HeatmapWidget.geometry(rows: matrix.rows, cols: matrix.cols, area: area, styles: styles)
        return HeatmapWidget.size(of: geometry, rows: matrix.rows).height
    }

    func heatmapPanel(title: String, notePrefix: String) -> any Widget {
        if let model { return Panel(Retitled(content: tokens(model), title: title, notePrefix: notePrefix)) }
        return Panel(Retitled(content: generic, title: title, notePrefix: notePrefix))
    }

    var rowPanel: any Widget {
        if let model {
            return Panel(
                TokenInspectorWidget(
                    weights: side.weights, mask: mask, row: row, keyTokens: model.labels.tokens,
                    keyToken: model.keyToken, sharedTop: sharedTop))
        }
        return Panel(RowInspectorWidget(weights: side.weights, mask: mask, row: row, sharedTop: sharedTop))
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
