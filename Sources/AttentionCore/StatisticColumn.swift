/// One statistic as every output names it: the JSON/CSV key, the short label of tables and the
/// panel, and how to read it from the statistics. `AttentionStatistics.columns` is the one list
/// that snapshot JSON and headers, `sweep` (CSV, JSON, Markdown) and `heads` all print, so a new
/// statistic added there reaches every output at once.
public struct StatisticColumn: Sendable {
    /// The key in JSON and the CSV header (`logit_std`).
    public let key: String
    /// The short label of Markdown tables (`logit std`).
    public let label: String
    /// The value, nil where it does not apply (the theory's std for file inputs).
    public let value: @Sendable (AttentionStatistics) -> Double?

    /// A column named `key` (JSON) and `label` (tables).
    public init(key: String, label: String, value: @escaping @Sendable (AttentionStatistics) -> Double?) {
        self.key = key
        self.label = label
        self.value = value
    }
}

extension AttentionStatistics {
    /// Every numeric statistic in output order (the regime, a word, follows them everywhere).
    public static let columns: [StatisticColumn] = [
        StatisticColumn(key: "logit_mean", label: "logit mean") { $0.logitMean },
        StatisticColumn(key: "logit_std", label: "logit std") { $0.logitStd },
        StatisticColumn(key: "logit_std_expected", label: "expected std") { $0.logitStdExpected },
        StatisticColumn(key: "entropy_mean", label: "entropy H") { $0.entropyMean },
        StatisticColumn(key: "entropy_normalized_mean", label: "H / ln m") { $0.entropyNormalizedMean },
        StatisticColumn(key: "max_weight_mean", label: "max weight") { $0.maxWeightMean },
        StatisticColumn(key: "effective_tokens_mean", label: "eff. tokens") { $0.effectiveTokensMean },
        StatisticColumn(key: "jacobian_fro_mean", label: "‖J‖_F") { $0.jacobianFroMean },
        StatisticColumn(key: "score_grad_mean", label: "score grad") { $0.scoreGradMean },
        StatisticColumn(key: "score_grad_median", label: "grad median") { $0.scoreGradMedian },
        StatisticColumn(key: "score_grad_max", label: "grad max") { $0.scoreGradMax },
        StatisticColumn(key: "unsafe_rows_fp16", label: "fp16 unsafe") { $0.unsafeRowsFP16 },
        StatisticColumn(key: "overflow_rows_fp16", label: "fp16 overflow") { $0.overflowRowsFP16 },
        StatisticColumn(key: "unsafe_rows_fp32", label: "fp32 unsafe") { $0.unsafeRowsFP32 },
        StatisticColumn(key: "overflow_rows_fp32", label: "fp32 overflow") { $0.overflowRowsFP32 },
    ]

    /// The statistics from one value per column of `columns` (nil only for `logit_std_expected`),
    /// with the regime of those numbers: how `Sweep` rebuilds its averages.
    public init(columnValues values: [Double?]) {
        precondition(values.count == Self.columns.count, "one value per column of AttentionStatistics.columns")
        let v = values.map { $0 ?? 0 }
        self.init(
            logitMean: v[0], logitStd: v[1], logitStdExpected: values[2], entropyMean: v[3],
            entropyNormalizedMean: v[4], maxWeightMean: v[5], effectiveTokensMean: v[6], jacobianFroMean: v[7],
            scoreGradMean: v[8], scoreGradMedian: v[9], scoreGradMax: v[10], unsafeRowsFP16: v[11],
            overflowRowsFP16: v[12], unsafeRowsFP32: v[13], overflowRowsFP32: v[14],
            regime: Regime(maxWeightMean: v[5], entropyNormalizedMean: v[4]))
    }
}
