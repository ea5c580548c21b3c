/// Whether rows are near uniform, near one-hot, or in between (thresholds in docs/statistics.md).
public enum Regime: String, Codable, Sendable, CaseIterable {
    case flat, balanced, peaked
}

/// The summary numbers behind the picture; masked entries are excluded everywhere.
/// Field names map to the JSON keys of the issue (`logit_std`, …) through `CodingKeys`.
public struct AttentionStatistics: Equatable, Sendable, Codable {
    /// Mean of the unmasked logits.
    public var logitMean: Double
    /// Population standard deviation of the unmasked logits.
    public var logitStd: Double
    /// The iid theory's logit std; nil for file inputs.
    public var logitStdExpected: Double?
    /// Mean over rows of H_i = −Σ p ln p, in nats.
    public var entropyMean: Double
    /// Mean over rows with more than one key of H_i / ln m_i: 0 one-hot, 1 uniform.
    public var entropyNormalizedMean: Double
    /// Mean over rows of the largest weight.
    public var maxWeightMean: Double
    /// Mean over rows of exp(H_i): the number of keys a row effectively attends to.
    public var effectiveTokensMean: Double
    /// Mean over rows of ‖diag(p) − ppᵀ‖_F, the softmax Jacobian's Frobenius norm.
    public var jacobianFroMean: Double
    /// jacobianFroMean / s: the weights' sensitivity to the raw dot products q·k.
    public var scoreGradMean: Double
    /// Median over rows with at least two keys of ‖J_i‖_F / s (the mean of the two middle values
    /// for an even count): the typical row, which a tiny divisor drives to zero.
    public var scoreGradMedian: Double
    /// Largest ‖J_i‖_F / s over rows with at least two keys: the rows whose top logits nearly tie,
    /// which grow like 1/s as the divisor shrinks.
    public var scoreGradMax: Double
    /// Fraction of rows (with a visible key) whose naive softmax leaves fp16's range
    /// (`NaiveSoftmaxRange.fp16`): log-sum-exp above ln 65504 or below ln 2⁻²⁴.
    public var unsafeRowsFP16: Double
    /// The part of `unsafeRowsFP16` that overflows (the rest underflows).
    public var overflowRowsFP16: Double
    /// The same for fp32: log-sum-exp above ln 3.4028235e38 or below ln 2⁻¹⁴⁹.
    public var unsafeRowsFP32: Double
    /// The part of `unsafeRowsFP32` that overflows (the rest underflows).
    public var overflowRowsFP32: Double
    /// Flat, balanced or peaked, by the thresholds on `Regime`.
    public var regime: Regime

    /// Every statistic, as computed by the engine or averaged by `Sweep`.
    public init(
        logitMean: Double, logitStd: Double, logitStdExpected: Double?, entropyMean: Double,
        entropyNormalizedMean: Double, maxWeightMean: Double, effectiveTokensMean: Double,
        jacobianFroMean: Double, scoreGradMean: Double, scoreGradMedian: Double, scoreGradMax: Double,
        unsafeRowsFP16: Double, overflowRowsFP16: Double, unsafeRowsFP32: Double, overflowRowsFP32: Double,
        regime: Regime
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
        self.scoreGradMedian = scoreGradMedian
        self.scoreGradMax = scoreGradMax
        self.unsafeRowsFP16 = unsafeRowsFP16
        self.overflowRowsFP16 = overflowRowsFP16
        self.unsafeRowsFP32 = unsafeRowsFP32
        self.overflowRowsFP32 = overflowRowsFP32
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
        case scoreGradMedian = "score_grad_median"
        case scoreGradMax = "score_grad_max"
        case unsafeRowsFP16 = "unsafe_rows_fp16"
        case overflowRowsFP16 = "overflow_rows_fp16"
        case unsafeRowsFP32 = "unsafe_rows_fp32"
        case overflowRowsFP32 = "overflow_rows_fp32"
        case regime
    }
}

extension Regime {
    /// Rows whose largest weight is at least this on average are "peaked": one key takes half
    /// the attention or more.
    static let peakedMaxWeight = 0.5
    /// Otherwise rows whose normalized entropy is at least this on average are "flat": within
    /// 5% of uniform, where the picture no longer tells keys apart.
    static let flatEntropy = 0.95

    /// The regime of rows with these averages (thresholds above; peaked is checked first).
    public init(maxWeightMean: Double, entropyNormalizedMean: Double) {
        if maxWeightMean >= Self.peakedMaxWeight {
            self = .peaked
        } else if entropyNormalizedMean >= Self.flatEntropy {
            self = .flat
        } else {
            self = .balanced
        }
    }
}

extension AttentionStatistics {
    /// The iid theory's population std of the unmasked logits for generated inputs.
    /// A non-aligned logit q_i·k_j has mean 0 and variance d_k·σ⁴; an aligned one (j = i, present
    /// when rho > 0) has mean rho·d_k·σ² and variance d_k·σ⁴·(1 + rho²). Of `entries` unmasked
    /// logits `aligned` are aligned; the mixture's std is divided by s. With rho = 0 this is σ²·√d_k/s.
    static func expectedLogitStd(
        sigma: Double, rho: Double, dk: Int, divisor: Double, entries: Int, aligned: Int
    ) -> Double {
        guard entries > 0 else { return 0 }
        let d = Double(dk), s2 = sigma * sigma
        let share = Double(aligned) / Double(entries)
        let alignedMean = rho * d * s2
        let plainVariance = d * s2 * s2
        let alignedVariance = plainVariance * (1 + rho * rho)
        let mean = share * alignedMean
        let secondMoment = share * (alignedVariance + alignedMean * alignedMean) + (1 - share) * plainVariance
        return max(0, secondMoment - mean * mean).squareRoot() / divisor
    }
}
