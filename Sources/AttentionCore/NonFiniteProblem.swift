/// Says where values that are not finite (NaN, ±infinity) came from, so no verdict is drawn from
/// them: the inputs (a file, a model layer that overflows float32) or the logits themselves.
enum NonFiniteProblem {
    /// nil when the inputs and the statistics are finite, else one line naming where it arose.
    static func describe(params: AttentionParams, inputsFinite: Bool, stats: AttentionStatistics) -> String? {
        if !inputsFinite { return inputs(params.source) }
        let values = [
            stats.logitMean, stats.logitStd, stats.entropyMean, stats.maxWeightMean, stats.jacobianFroMean,
            stats.scoreGradMean,
        ]
        guard values.allSatisfy(\.isFinite) else {
            return "the logits Q·Kᵀ / s are not finite at s = \(params.divisor): they overflow"
        }
        return nil
    }

    /// The problem of inputs that hold NaN or ±infinity, naming them.
    static func inputs(_ source: InputSource) -> String {
        source.describing.nonFiniteInputs
    }
}
