import TensorFiles

/// Everything one parameter set produces: logits, weights, statistics and histograms.
public struct AttentionResult: Sendable {
    /// The parameters as resolved (n, m and dk read from the files for file inputs).
    public let params: AttentionParams
    /// The divisor s actually used.
    public let divisor: Double
    /// L = QKᵀ / s, n × m; masked entries hold -infinity.
    public let logits: Matrix
    /// Row-wise softmax of the logits; masked entries hold 0.
    public let weights: Matrix
    /// Per-row entropy H_i in nats.
    let rowEntropy: [Double]
    /// Every statistic of the issue (masked entries excluded).
    public let stats: AttentionStatistics
    /// Histogram of the unmasked logits (linear axis).
    public let logitHistogram: Histogram
    /// Histogram of the unmasked weights (log10 axis, 1e-8…1, underflow bin below).
    public let weightHistogram: Histogram
    /// Why the numbers are not valid: values that are not finite, and where they arose (a file, a
    /// model layer, logits that overflow). nil when every value is finite. A result with a problem
    /// has no verdict: commands refuse it (exit 65) and the view shows the problem instead.
    public let problem: String?

    /// Assembles a result; the engine is the usual source of one.
    public init(
        params: AttentionParams, divisor: Double, logits: Matrix, weights: Matrix, rowEntropy: [Double],
        stats: AttentionStatistics, logitHistogram: Histogram, weightHistogram: Histogram, problem: String? = nil
    ) {
        self.problem = problem
        self.params = params
        self.divisor = divisor
        self.logits = logits
        self.weights = weights
        self.rowEntropy = rowEntropy
        self.stats = stats
        self.logitHistogram = logitHistogram
        self.weightHistogram = weightHistogram
    }

    /// The keys query `row` may attend: all of them, or j ≤ row + (m − n) when causal.
    public func visibleKeys(row: Int) -> Range<Int> {
        Mask(n: params.n, m: params.m, causal: params.causal).visibleKeys(row: row)
    }

    /// Whether the causal mask hides key `col` from query `row`.
    func isMasked(row: Int, col: Int) -> Bool { !visibleKeys(row: row).contains(col) }
}

/// The causal mask as a rule, so nothing needs to store it.
public struct Mask: Hashable, Sendable {
    /// Queries.
    public let n: Int
    /// Keys.
    public let m: Int
    /// Whether query i is limited to keys j ≤ i + (m − n).
    public let causal: Bool

    /// The mask of an n × m attention matrix, causal or not.
    public init(n: Int, m: Int, causal: Bool) {
        self.n = n
        self.m = m
        self.causal = causal
    }

    /// Keys j with j ≤ row + (m − n) when causal; possibly empty when n > m.
    public func visibleKeys(row: Int) -> Range<Int> {
        guard causal else { return 0..<m }
        return 0..<max(0, min(m, row + (m - n) + 1))
    }
}

/// One point of the divisor curve: statistics at s = √d_k · 2^octaves for fixed inputs, over the
/// curve's (possibly subsampled) rows.
public struct DivisorCurvePoint: Equatable, Sendable {
    /// log2(s / √d_k).
    public let octaves: Double
    /// s = √d_k · 2^octaves.
    public let divisor: Double
    /// Mean normalized entropy of the (sampled) rows at this divisor.
    public let entropyNormalizedMean: Double
    /// Mean ‖diag(p) − ppᵀ‖_F / s of the (sampled) rows at this divisor.
    public let scoreGradMean: Double
    /// Mean ‖diag(p) − ppᵀ‖_F: the softmax's own gradient, which peaks between flat and one-hot.
    public let jacobianFroMean: Double
    /// Median of ‖J_i‖_F / s over the sampled rows with at least two keys.
    public let scoreGradMedian: Double
    /// Largest ‖J_i‖_F / s over the sampled rows with at least two keys.
    public let scoreGradMax: Double
    /// Fraction of the sampled rows whose naive softmax leaves fp16's range at this divisor.
    public let unsafeRowsFP16: Double
    /// How many rows the curve used (every point the same; fewer than n when subsampled).
    public let sampledRows: Int

    /// One point of the curve (`AttentionEngine.divisorCurve` makes them).
    public init(
        octaves: Double, divisor: Double, entropyNormalizedMean: Double, scoreGradMean: Double,
        jacobianFroMean: Double = 0, scoreGradMedian: Double = 0, scoreGradMax: Double = 0, unsafeRowsFP16: Double = 0,
        sampledRows: Int = 0
    ) {
        self.octaves = octaves
        self.divisor = divisor
        self.entropyNormalizedMean = entropyNormalizedMean
        self.scoreGradMean = scoreGradMean
        self.jacobianFroMean = jacobianFroMean
        self.scoreGradMedian = scoreGradMedian
        self.scoreGradMax = scoreGradMax
        self.unsafeRowsFP16 = unsafeRowsFP16
        self.sampledRows = sampledRows
    }
}
