import TensorFiles

/// One attention head's Q and K (tokens × d_head each, row-major): what a transformer layer
/// hands over per head.
public struct HeadInputs: Sendable {
    /// Queries, n × d_head.
    public let queries: Matrix
    /// Keys, m × d_head.
    public let keys: Matrix

    /// A head's Q and K; they must have the same width.
    public init(queries: Matrix, keys: Matrix) {
        self.queries = queries
        self.keys = keys
    }
}
