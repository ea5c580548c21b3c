/// One row of `attnview heads`: the statistics of one (layer, head) of a model under the same
/// divisor options as every other row.
public struct HeadRow: Equatable, Sendable {
    /// The layer, 0-based.
    public let layer: Int
    /// The head, 0-based.
    public let head: Int
    /// The d_k used (d_head, or the first `--dk` dimensions).
    public let dk: Int
    /// The divisor policy.
    public let scale: ScalePolicy
    /// The divisor s it gives.
    public let divisor: Double
    /// The head's statistics at that divisor.
    public let stats: AttentionStatistics

    /// The row of a result computed for `.model` inputs.
    public init(result: AttentionResult) {
        if case .model(let labels) = result.params.source {
            layer = labels.layer
            head = labels.head
        } else {
            layer = 0
            head = 0
        }
        dk = result.params.dk
        scale = result.params.scale
        divisor = result.divisor
        stats = result.stats
    }
}
