import AttentionCore
import TensorFiles

/// The parts of the screen that model mode draws differently: the token heatmap, the ranked keys
/// beside the per-key bars, the heads grid and the text editor.
extension ScreenRenderer {
    /// The token heatmap widget for `model` and the matrix on screen.
    func tokenHeatmapWidget(_ result: AttentionResult, model: ModelView, view: ViewState, row: Int)
        -> TokenHeatmapWidget
    {
        TokenHeatmapWidget(
            matrix: view.heatmap == .logits ? result.logits : result.weights,
            mask: Mask(n: result.params.n, m: result.params.m, causal: result.params.causal), mode: view.heatmap,
            queryTokens: model.tokens, keyTokens: model.tokens, selectedRow: row, zoomed: model.zoomed)
    }

    func drawTokenHeatmap(
        _ result: AttentionResult, model: ModelView, view: ViewState, row: Int, area: Rect, into frame: inout Frame
    ) {
        let widget = tokenHeatmapWidget(result, model: model, view: view, row: row)
        let inner = area.inset(1)
        let title =
            (view.heatmap == .logits ? "logits" : "attention") + " · layer \(model.layer) head \(model.head)"
        Panel(title: title, note: widget.note(in: inner, styles: styles)).draw(into: &frame, area: area, styles: styles)
        widget.draw(into: &frame, area: inner, styles: styles)
    }

    /// The selected query's keys ranked by weight on the left, the per-key bars on the right
    /// when there is room for both.
    func drawTokenInspector(
        _ result: AttentionResult, model: ModelView, row: Int, area: Rect, into frame: inout Frame
    ) {
        let mask = Mask(n: result.params.n, m: result.params.m, causal: result.params.causal)
        let ranking = TokenRankingWidget(weights: result.weights, mask: mask, row: row, keyTokens: model.tokens)
        let bars = RowInspectorWidget(weights: result.weights, mask: mask, row: row)
        let inner = Panel(title: ranking.title, note: bars.note(width: area.width - 4 - ranking.title.count))
            .draw(into: &frame, area: area, styles: styles)
        let listWidth = inner.width >= 70 ? min(40, inner.width / 2) : inner.width
        let (list, rest) = inner.splitLeft(listWidth)
        ranking.draw(into: &frame, area: list, styles: styles)
        if rest.width >= 24 {
            bars.draw(
                into: &frame, area: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height),
                styles: styles)
        }
    }

    /// The heads grid over the whole body, titled with the cursor's head and how to use it.
    func drawHeadsGrid(_ grid: HeadsGrid, model: ModelView, area: Rect, into frame: inout Frame) {
        frame.fill(area, with: styles.canvas.cell(" "))
        var title = "heads · layer \(grid.cursorLayer) head \(grid.cursorHead)"
        if let summary = grid.summaries?[safe: grid.cursorLayer]?[safe: grid.cursorHead] {
            title += " · entropy \(NumberFormat.fixed(summary.entropyNormalizedMean, 2)) \(summary.regime.rawValue)"
        }
        let inner = Panel(title: title, note: "arrows move · Enter opens · g Esc close").draw(
            into: &frame, area: area, styles: styles)
        guard let summaries = grid.summaries else {
            frame.put("computing every head…", x: inner.x + 1, y: inner.y, style: styles.muted)
            return
        }
        HeadsGridWidget(summaries: summaries, cursorLayer: grid.cursorLayer, cursorHead: grid.cursorHead).draw(
            into: &frame, area: inner, styles: styles)
    }

    /// The text editor on the status row: a prompt, the field, and its two keys.
    func drawEditor(_ editor: LineEditor, row: Int, width: Int, into frame: inout Frame) {
        frame.fill(Rect(x: 0, y: row, width: width, height: 1), with: styles.status.cell(" "))
        let prompt = "text ▸ "
        let keys = "  Enter run · Esc cancel "
        var x = frame.put(prompt, x: 1, y: row, style: styles.status.with(.bold))
        let fieldWidth = max(1, width - x - keys.count - 1)
        editor.draw(into: &frame, x: x, y: row, width: fieldWidth, style: styles.status)
        x += fieldWidth
        frame.put(keys, x: x, y: row, style: styles.status)
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
