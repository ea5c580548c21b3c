import AttentionCore
import Rendering

extension ModelView {
    /// What the screen shows of model head `labels` (d_head `headWidth` wide), nothing open.
    init(labels: ModelHead, headWidth: Int) {
        self.init(
            modelName: labels.model, text: labels.text, tokens: labels.tokens, layer: labels.layer,
            layers: labels.layers, head: labels.head, heads: labels.heads, headWidth: headWidth)
    }
}
