import AttentionCore
import Foundation
import Rendering

extension ModelView {
    /// What the screen shows of model head `labels` (d_head `headWidth` wide), nothing open. A model
    /// given as a folder path is named by its last component, which fits the panel.
    init(labels: ModelHead, headWidth: Int) {
        let name = labels.model.contains("/") ? URL(fileURLWithPath: labels.model).lastPathComponent : labels.model
        self.init(
            modelName: name, text: labels.text, tokens: labels.tokens, layer: labels.layer,
            layers: labels.layers, head: labels.head, heads: labels.heads, headWidth: headWidth)
    }
}
