/// One row of `attnview sweep`: statistics at one (d_k, scale), averaged over trials.
public struct SweepRow: Equatable, Sendable {
    public let dk: Int
    public let scale: ScalePolicy
    public let divisor: Double
    public let trials: Int
    /// Each statistic averaged over the trials; `regime` is that of the averaged numbers.
    public let stats: AttentionStatistics

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
    public let base: AttentionParams
    public let dks: [Int]
    public let scales: [ScalePolicy]
    public let trials: Int

    public init(base: AttentionParams, dks: [Int], scales: [ScalePolicy], trials: Int) {
        self.base = base
        self.dks = dks
        self.scales = scales
        self.trials = trials
    }

    /// The rows, d_k-major; `progress` receives the fraction done after each computation.
    public func run(progress: (Double) -> Void = { _ in }) throws(AttentionError) -> [SweepRow] {
        []
    }
}
