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
    /// The model's layers, heads and head width, and the text's tokens.
    public var shape: ModelShape
    /// The head shown.
    public var ref: HeadRef

    /// Labels for head `ref` of a model of `shape`.
    public init(model: String, text: String, shape: ModelShape, ref: HeadRef) {
        self.model = model
        self.text = text
        self.shape = shape
        self.ref = ref
    }

    /// Labels for `head` of `layer`, in a model of `layers` × `heads` (d_head `headWidth`).
    public init(
        model: String, text: String, tokens: [String], layer: Int, head: Int, layers: Int, heads: Int,
        headWidth: Int = 0
    ) {
        self.init(
            model: model, text: text,
            shape: ModelShape(layers: layers, heads: heads, headWidth: headWidth, tokens: tokens),
            ref: HeadRef(layer: layer, head: head))
    }

    /// The same run showing head `ref`: every way of choosing a head (`.` `,`, PgDn PgUp, the
    /// grid's Enter, `--layer/--head`) lands here; nil when the model has no such head.
    public func showing(_ ref: HeadRef) -> ModelHead? {
        guard shape.contains(ref) else { return nil }
        var other = self
        other.ref = ref
        return other
    }

    /// Token strings, one per row of Q and K.
    public var tokens: [String] { shape.tokens }
    /// The layer shown, 0-based.
    public var layer: Int { ref.layer }
    /// The head shown, 0-based.
    public var head: Int { ref.head }
    /// Layers the model has.
    public var layers: Int { shape.layers }
    /// Heads per layer.
    public var heads: Int { shape.heads }
}

/// Hands the engine fixed Q (n × d) and K (m × d) for a `.files` or `.model` source: the caller
/// reads the files or runs the model, the core only computes. Errors name the file at fault.
public typealias InputsProvider = @Sendable (InputSource) throws(AttentionError) -> (queries: Matrix, keys: Matrix)
