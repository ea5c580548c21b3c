import AttentionCore
import Foundation

/// What model mode adds to the screen: the model's head on show (its labels: model, text,
/// tokens, shape), and the model-only overlays (`z` zoom, the `g` heads grid, the `/` text editor).
public struct ModelView: Equatable, Sendable {
    /// The head on screen, with the model's shape and the text's tokens.
    public var labels: ModelHead
    /// `z`: one text row per token, in a window that follows the selected row.
    public var zoomed: Bool
    /// The heads grid (`g`) when open: every head's summary at the current divisor.
    public var grid: HeadsGrid?
    /// The text editor (`/`) when open.
    public var editor: LineEditor?

    /// Model mode on the head of `labels`, with nothing open.
    public init(labels: ModelHead, zoomed: Bool = false, grid: HeadsGrid? = nil, editor: LineEditor? = nil) {
        self.labels = labels
        self.zoomed = zoomed
        self.grid = grid
        self.editor = editor
    }

    /// The model's name for the panel: as the user gave it, a folder by its last component.
    var modelName: String {
        labels.model.contains("/") ? URL(fileURLWithPath: labels.model).lastPathComponent : labels.model
    }
}
