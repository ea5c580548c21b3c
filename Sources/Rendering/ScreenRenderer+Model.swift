import AttentionCore
import TensorFiles

/// The widgets model mode draws in place of the generator's: the token heatmap, the ranked keys
/// beside the per-key bars, the heads grid and the text editor.
extension ScreenRenderer {
    /// The token heatmap for `model` and the matrix on screen.
    func tokenHeatmapWidget(_ result: AttentionResult, model: ModelView, view: ViewState, row: Int)
        -> TokenHeatmapWidget
    {
        TokenHeatmapWidget(
            matrix: view.heatmap == .logits ? result.logits : result.weights,
            mask: Mask(n: result.params.n, m: result.params.m, causal: result.params.causal), mode: view.heatmap,
            queryTokens: model.tokens, keyTokens: model.tokens, selectedRow: row, zoomed: model.zoomed,
            title: (view.heatmap == .logits ? "logits" : "attention") + " · layer \(model.layer) head \(model.head)")
    }
}

/// The selected query's keys ranked by weight on the left and the per-key bars on the right, when
/// there is room for both; the title names the query token.
struct TokenInspectorWidget: PanelContent {
    let weights: Matrix
    let mask: Mask
    let row: Int
    let keyTokens: [String]

    private var ranking: TokenRankingWidget {
        TokenRankingWidget(weights: weights, mask: mask, row: row, keyTokens: keyTokens)
    }
    private var bars: RowInspectorWidget { RowInspectorWidget(weights: weights, mask: mask, row: row) }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: ranking.title, note: bars.heading(inside: area, styles: styles).note)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let listWidth = area.width >= 70 ? min(40, area.width / 2) : area.width
        let (list, rest) = area.splitLeft(listWidth)
        ranking.draw(into: &frame, area: list, styles: styles)
        if rest.width >= 24 {
            bars.draw(
                into: &frame, area: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height),
                styles: styles)
        }
    }
}

/// The heads grid over the body: titled with the cursor's head and how to use the grid; "computing"
/// until the summaries are there.
struct HeadsGridPanel: PanelContent {
    let grid: HeadsGrid?

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        guard let grid else { return PanelHeading(title: "heads") }
        var title = "heads · layer \(grid.cursorLayer) head \(grid.cursorHead)"
        if let summary = grid.summaries?[safe: grid.cursorLayer]?[safe: grid.cursorHead] {
            title += " · entropy \(NumberFormat.fixed(summary.entropyNormalizedMean, 2)) \(summary.regime.rawValue)"
        }
        return PanelHeading(title: title, note: "arrows move · Enter opens · + - divisor · g Esc close")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard let grid else { return }
        guard let summaries = grid.summaries else {
            frame.put("computing every head…", x: area.x + 1, y: area.y, style: styles.muted)
            return
        }
        HeadsGridWidget(summaries: summaries, cursorLayer: grid.cursorLayer, cursorHead: grid.cursorHead).draw(
            into: &frame, area: area, styles: styles)
    }
}

/// The text editor on the status line: a prompt, the field, and its two keys.
struct EditorLine: Widget {
    let editor: LineEditor

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.height >= 1 else { return }
        let row = area.y
        frame.fill(Rect(x: area.x, y: row, width: area.width, height: 1), with: styles.status.cell(" "))
        let keys = "  Enter run · Esc cancel "
        let x = frame.put("text ▸ ", x: area.x + 1, y: row, style: styles.status.with(.bold))
        let fieldWidth = max(1, area.maxX - x - keys.count)
        editor.draw(into: &frame, x: x, y: row, width: fieldWidth, style: styles.status)
        frame.put(keys, x: x + fieldWidth, y: row, style: styles.status)
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
