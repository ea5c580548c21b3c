/// Whether rows are near uniform, near one-hot, or in between (thresholds in the README).
public enum Regime: String, Codable, Sendable, CaseIterable {
    case flat, balanced, peaked
}

/// The summary numbers behind the picture; masked entries are excluded everywhere.
/// Field names map to the JSON keys of the issue (`logit_std`, …) through `CodingKeys`.
public struct AttentionStatistics: Equatable, Sendable, Codable {
    public var logitMean: Double
    public var logitStd: Double
    /// The iid theory's logit std; nil for file inputs.
    public var logitStdExpected: Double?
    public var entropyMean: Double
    public var entropyNormalizedMean: Double
    public var maxWeightMean: Double
    public var effectiveTokensMean: Double
    public var jacobianFroMean: Double
    public var scoreGradMean: Double
    public var regime: Regime

    public init(
        logitMean: Double, logitStd: Double, logitStdExpected: Double?, entropyMean: Double,
        entropyNormalizedMean: Double, maxWeightMean: Double, effectiveTokensMean: Double,
        jacobianFroMean: Double, scoreGradMean: Double, regime: Regime
    ) {
        self.logitMean = logitMean
        self.logitStd = logitStd
        self.logitStdExpected = logitStdExpected
        self.entropyMean = entropyMean
        self.entropyNormalizedMean = entropyNormalizedMean
        self.maxWeightMean = maxWeightMean
        self.effectiveTokensMean = effectiveTokensMean
        self.jacobianFroMean = jacobianFroMean
        self.scoreGradMean = scoreGradMean
        self.regime = regime
    }

    enum CodingKeys: String, CodingKey {
        case logitMean = "logit_mean"
        case logitStd = "logit_std"
        case logitStdExpected = "logit_std_expected"
        case entropyMean = "entropy_mean"
        case entropyNormalizedMean = "entropy_normalized_mean"
        case maxWeightMean = "max_weight_mean"
        case effectiveTokensMean = "effective_tokens_mean"
        case jacobianFroMean = "jacobian_fro_mean"
        case scoreGradMean = "score_grad_mean"
        case regime
    }
}
