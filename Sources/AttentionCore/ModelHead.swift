import TensorFiles

/// Which head of which model on which text a handed-in Q and K come from.
///
/// Labels only: the core carries them into results, headers and JSON and uses them to know when
/// the inputs changed; the matrices themselves come from `AttentionEngine`'s inputs provider.
public struct ModelHead: Hashable, Sendable {
    /// The `--model` value as the user gave it (a name such as `minilm`, or a folder path).
    public var model: String
    /// The text the model ran on.
    public var text: String
    /// Token strings, one per row of Q and K (`[CLS]`, `##ing`, …).
    public var tokens: [String]
    /// The layer shown, 0-based.
    public var layer: Int
    /// The head shown, 0-based.
    public var head: Int
    /// Layers the model has.
    public var layers: Int
    /// Heads per layer.
    public var heads: Int
    /// Where the model's values first stopped being finite on this text ("layer 0's attention
    /// LayerNorm"), nil when every value is: the heads from there on have no valid picture.
    public var nonFiniteFrom: String?

    /// Labels for `head` of `layer`, in a model of `layers` × `heads`.
    public init(model: String, text: String, tokens: [String], layer: Int, head: Int, layers: Int, heads: Int) {
        self.model = model
        self.text = text
        self.tokens = tokens
        self.layer = layer
        self.head = head
        self.layers = layers
        self.heads = heads
    }
}

/// Hands the engine fixed Q (n × d) and K (m × d) for a `.files` or `.model` source: the caller
/// reads the files or runs the model, the core only computes. Errors name the file at fault.
public typealias InputsProvider = @Sendable (InputSource) throws(AttentionError) -> (queries: Matrix, keys: Matrix)
