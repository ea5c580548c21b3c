extension AttentionParams {
    /// The same model at the standard divisor (√d_k policy, alpha 1): what `b` and
    /// `snapshot --compare` set beside the current divisor. Same inputs, same d_k, so the engine
    /// reuses its QKᵀ and the baseline costs one softmax.
    public var standardBaseline: AttentionParams {
        var baseline = self
        baseline.scale = .sqrtDk
        baseline.alpha = 1
        return baseline
    }
}
