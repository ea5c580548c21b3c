import AttentionCore
import Foundation
import TensorFiles

/// What model mode adds to the screen: the model's head on show (its labels: model, text,
/// tokens, shape), the pair's key token, and the model-only overlays (`z` zoom, the `g` heads
/// grid, the `/` text editor, the `A` divisor everywhere).
public struct ModelView: Equatable, Sendable {
    /// The head on screen, with the model's shape and the text's tokens.
    public var labels: ModelHead
    /// `z`: one text row per token, in a window that follows the selected row.
    public var zoomed: Bool
    /// The heads grid (`g`) when open: every head's summary at the current divisor.
    public var grid: HeadsGrid?
    /// The text editor (`/`) when open.
    public var editor: LineEditor?
    /// `J` `K`: the key token the selected query's weight goes to (the pair `it → animal`); nil: none.
    public var keyToken: Int?
    /// `A`: what every head's divisor changed at once did to the whole model; nil while off.
    public var everywhere: EverywhereSummary?

    /// Model mode on the head of `labels`, with nothing open.
    public init(
        labels: ModelHead, zoomed: Bool = false, grid: HeadsGrid? = nil, editor: LineEditor? = nil,
        keyToken: Int? = nil, everywhere: EverywhereSummary? = nil
    ) {
        self.labels = labels
        self.zoomed = zoomed
        self.grid = grid
        self.editor = editor
        self.keyToken = keyToken
        self.everywhere = everywhere
    }

    /// The model's name for the panel: as the user gave it, a folder by its last component.
    var modelName: String {
        labels.model.contains("/") ? URL(fileURLWithPath: labels.model).lastPathComponent : labels.model
    }

    /// "it (9) → animal (2)": the pair of query `row` and the key token, nil without a key token.
    public func pair(row: Int) -> String? {
        guard let keyToken, let query = labels.tokens[safe: row], let key = labels.tokens[safe: keyToken] else {
            return nil
        }
        func named(_ token: String) -> String {
            VisibleControls.escaped(DisplayWidth.abbreviated(token, to: TokenLabels.maximumWidth))
        }
        return "\(named(query)) (\(row)) → \(named(key)) (\(keyToken))"
    }
}

/// The model run again with every head of every layer dividing by `factor` × its trained divisor,
/// against the model as trained: its sentence embedding and each layer's mean H / ln m.
public struct EverywhereSummary: Equatable, Sendable {
    /// Every divisor's multiplier (1: as trained).
    public var factor: Double
    /// Cosine of the mean-pooled sentence embedding to the trained model's, on the same text.
    public var cosine: Double
    /// Per layer, the mean over heads of H / ln m with every divisor changed.
    public var layerEntropy: [Double]
    /// The same for the model as trained.
    public var trainedLayerEntropy: [Double]

    public init(factor: Double, cosine: Double, layerEntropy: [Double], trainedLayerEntropy: [Double]) {
        self.factor = factor
        self.cosine = cosine
        self.layerEntropy = layerEntropy
        self.trainedLayerEntropy = trainedLayerEntropy
    }
}
