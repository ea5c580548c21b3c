import AttentionCore

/// Many runs of one task (the learning-rate transfer grid, or the command's list), stepped in groups
/// that share each step's batch; results do not depend on the grouping or the thread count.
public struct TrainingGrid: Sendable {
    /// The runs, in the order their records are returned.
    public let runs: [RunSettings]

    /// A grid of `runs`.
    public init(runs: [RunSettings]) {
        self.runs = runs
    }

    /// Every combination, d_k outermost, then divisor policy, then learning rate.
    public init(
        task: RetrievalTask, dks: [Int], scales: [ScalePolicy], learningRates: [Double], optimizer: Optimizer,
        alpha: Double = 1
    ) {
        runs = dks.flatMap { dk in
            scales.flatMap { scale in
                learningRates.map {
                    RunSettings(task: task, dk: dk, scale: scale, alpha: alpha, learningRate: $0, optimizer: optimizer)
                }
            }
        }
    }

    /// Runs everything on `threads` threads, in groups of up to `groupSize` consecutive runs that
    /// share their batches, calling `progress` with each finished run's index and record, in order.
    public func run(
        threads: Int = 2, groupSize: Int = 128, progress: (Int, RunRecord) -> Void = { _, _ in }
    ) -> [RunRecord] {
        var records: [RunRecord] = []
        for start in stride(from: 0, to: runs.count, by: groupSize) {
            let chunk = runs[start..<min(runs.count, start + groupSize)]
            var group = RunGroup(chunk.map { TrainingRun($0) })
            group.finish(threads: threads)
            for record in group.runs.map(\.record) {
                progress(records.count, record)
                records.append(record)
            }
        }
        return records
    }
}
