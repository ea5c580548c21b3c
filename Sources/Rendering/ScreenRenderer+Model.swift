import AttentionCore
import TensorFiles

/// Model mode's heatmap: the token heatmap widget for the matrix on screen, titled with the
/// layer and head.
extension ScreenRenderer {
    /// The token heatmap for `model` and the matrix on screen.
    func tokenHeatmapWidget(_ result: AttentionResult, model: ModelView, view: ViewState, row: Int)
        -> TokenHeatmapWidget
    {
        TokenHeatmapWidget(
            matrix: view.heatmap == .logits ? result.logits : result.weights,
            mask: Mask(n: result.params.n, m: result.params.m, causal: result.params.causal), mode: view.heatmap,
            queryTokens: model.labels.tokens, keyTokens: model.labels.tokens, selectedRow: row, zoomed: model.zoomed,
            sharpness: RowSharpness(result: result),
            title: (view.heatmap == .logits ? "logits" : "attention")
                + " · layer \(model.labels.layer) head \(model.labels.head)")
    }
}
