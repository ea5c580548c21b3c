/// One head of a model: a layer and a head within it, both 0-based. The one way every part names
/// a head: the parameters, the heads grid's cursor, `--layer/--head`.
public struct HeadRef: Hashable, Sendable {
    public var layer: Int
    public var head: Int

    public init(layer: Int, head: Int) {
        self.layer = layer
        self.head = head
    }
}

/// The shape of a model run: how many layers and heads, each head's width, and the tokens of the
/// text it read (one query and one key per token).
public struct ModelShape: Hashable, Sendable {
    public var layers: Int
    public var heads: Int
    /// d_head: the width of each head's Q and K.
    public var headWidth: Int
    /// Token strings, one per row of Q and K (`[CLS]`, `##ing`, …).
    public var tokens: [String]
    /// Where the model's values first stopped being finite on this text ("layer 0's attention
    /// output LayerNorm"), nil when every value is: the heads from there on have no valid picture.
    public var nonFiniteFrom: String?

    public init(layers: Int, heads: Int, headWidth: Int, tokens: [String]) {
        self.layers = layers
        self.heads = heads
        self.headWidth = headWidth
        self.tokens = tokens
    }

    /// Whether the model has head `ref`.
    public func contains(_ ref: HeadRef) -> Bool {
        (0..<layers).contains(ref.layer) && (0..<heads).contains(ref.head)
    }

    /// The head `delta` heads from `ref`, wrapping within its layer (`.` `,`).
    public func stepping(_ ref: HeadRef, heads delta: Int) -> HeadRef {
        HeadRef(layer: ref.layer, head: Self.wrapped(ref.head + delta, count: heads))
    }

    /// The same head `delta` layers from `ref`, wrapping (PgDn PgUp).
    public func stepping(_ ref: HeadRef, layers delta: Int) -> HeadRef {
        HeadRef(layer: Self.wrapped(ref.layer + delta, count: layers), head: ref.head)
    }

    /// `ref` moved by whole cells of the heads grid, kept inside it (the grid's arrows).
    public func moving(_ ref: HeadRef, layers deltaLayers: Int, heads deltaHeads: Int) -> HeadRef {
        HeadRef(
            layer: min(max(0, ref.layer + deltaLayers), max(0, layers - 1)),
            head: min(max(0, ref.head + deltaHeads), max(0, heads - 1)))
    }

    private static func wrapped(_ value: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return ((value % count) + count) % count
    }
}
