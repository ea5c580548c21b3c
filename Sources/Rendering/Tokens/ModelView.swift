import AttentionCore

/// What model mode adds to the screen: the model, the text and its tokens, which head is shown,
/// and the model-only overlays (`z` zoom, the `g` heads grid, the `/` text editor).
public struct ModelView: Equatable, Sendable {
    /// The model's name as the user gave it (`minilm`, a folder).
    public var modelName: String
    /// The text the tokens come from.
    public var text: String
    /// One token per query and key, special tokens included (`[CLS]`, `[SEP]`).
    public var tokens: [String]
    /// The layer and head on screen, and how many there are.
    public var layer: Int
    public var layers: Int
    public var head: Int
    public var heads: Int
    /// d_head: the width of each head's Q and K.
    public var headWidth: Int
    /// `z`: one text row per token, in a window that follows the selected row.
    public var zoomed: Bool
    /// The heads grid (`g`) when open: every head's summary at the current divisor.
    public var grid: HeadsGrid?
    /// The text editor (`/`) when open.
    public var editor: LineEditor?

    /// Model mode on layer `layer`, head `head`, with nothing open.
    public init(
        modelName: String, text: String, tokens: [String], layer: Int = 0, layers: Int, head: Int = 0, heads: Int,
        headWidth: Int, zoomed: Bool = false, grid: HeadsGrid? = nil, editor: LineEditor? = nil
    ) {
        self.modelName = modelName
        self.text = text
        self.tokens = tokens
        self.layer = layer
        self.layers = layers
        self.head = head
        self.heads = heads
        self.headWidth = headWidth
        self.zoomed = zoomed
        self.grid = grid
        self.editor = editor
    }
}
