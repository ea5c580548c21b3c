/// One row of `attnview sweep`: statistics at one (d_k, scale), averaged over trials.
public struct SweepRow: Equatable, Sendable {
    /// Key/query dimension of this row.
    public let dk: Int
    /// Divisor policy of this row.
    public let scale: ScalePolicy
    /// The divisor s the policy gives at `dk` (alpha from the base parameters).
    public let divisor: Double
    /// Seeds averaged over.
    public let trials: Int
    /// Each statistic averaged over the trials; `regime` is that of the averaged numbers.
    public let stats: AttentionStatistics

    /// A row of the sweep table.
    public init(dk: Int, scale: ScalePolicy, divisor: Double, trials: Int, stats: AttentionStatistics) {
        self.dk = dk
        self.scale = scale
        self.divisor = divisor
        self.trials = trials
        self.stats = stats
    }
}

/// Runs the grid of `attnview sweep`: every (d_k, scale) pair over seeds base.seed, base.seed+1, ….
public struct Sweep: Sendable {
    /// Everything but d_k, scale and seed, which the sweep varies (seeds start at base.seed).
    public let base: AttentionParams
    /// The d_k values, in output order.
    public let dks: [Int]
    /// The divisor policies, in output order.
    public let scales: [ScalePolicy]
    /// Seeds per (d_k, scale).
    public let trials: Int

    /// A sweep over `dks` × `scales`, each averaged over `trials` seeds.
    public init(base: AttentionParams, dks: [Int], scales: [ScalePolicy], trials: Int) {
        self.base = base
        self.dks = dks
        self.scales = scales
        self.trials = trials
    }

    /// The rows, d_k-major; `progress` receives the fraction done after each computation.
    /// Seeds go outermost so each seed's inputs are generated once, grown through the d_k values
    /// in increasing order, and reused by every scale (a divisor change costs no matmul).
    public func run(progress: (Double) -> Void = { _ in }) throws(AttentionError) -> [SweepRow] {
        let engine = AttentionEngine()
        let cells = dks.flatMap { dk in scales.map { (dk, $0) } }
        var sums = [StatisticsSum](repeating: StatisticsSum(), count: cells.count)
        let order = cells.indices.sorted { cells[$0].0 < cells[$1].0 }
        let total = Double(max(1, cells.count * trials))
        var done = 0
        for trial in 0..<trials {
            for index in order {
                var params = base
                params.dk = cells[index].0
                params.scale = cells[index].1
                params.seed = base.seed &+ UInt64(trial)
                sums[index].add(try engine.statistics(params))
                done += 1
                progress(Double(done) / total)
            }
        }
        return cells.indices.map { index in
            var params = base
            params.dk = cells[index].0
            params.scale = cells[index].1
            return SweepRow(
                dk: params.dk, scale: params.scale, divisor: params.divisor, trials: trials, stats: sums[index].mean)
        }
    }
}

/// Running sums of every statistic over trials (the medians and maxima too: a row of the sweep
/// holds the mean over seeds of each seed's median and maximum).
private struct StatisticsSum {
    private var count = 0
    private var values = [Double](repeating: 0, count: AttentionStatistics.columns.count)
    private var present = [Bool](repeating: true, count: AttentionStatistics.columns.count)

    mutating func add(_ stats: AttentionStatistics) {
        count += 1
        for (index, column) in AttentionStatistics.columns.enumerated() {
            if let value = column.value(stats) {
                values[index] += value
            } else {
                present[index] = false
            }
        }
    }

    /// The averages; the regime is that of the averaged numbers.
    var mean: AttentionStatistics {
        let divisor = Double(max(count, 1))
        return AttentionStatistics(columnValues: values.indices.map { present[$0] ? values[$0] / divisor : nil })
    }
}
