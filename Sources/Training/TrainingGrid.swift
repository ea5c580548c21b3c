import AttentionCore
import Foundation

/// Many independent runs (the learning-rate transfer grid, or the command's list), shared out over
/// worker threads; each run is one thread's, so results do not depend on the thread count.
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

    /// Runs everything on `threads` threads (OpenBLAS single-threaded in each run), calling
    /// `progress` (from any thread, one call at a time) with each finished run's index and record.
    public func run(
        threads: Int = 2, progress: @Sendable (Int, RunRecord) -> Void = { _, _ in }
    ) -> [RunRecord] {
        let queue = WorkQueue(count: runs.count)
        let workers = max(1, min(threads, runs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.next() {
                var run = TrainingRun(runs[index])
                run.finish()
                queue.finish(index, run.record, progress: progress)
            }
        }
        return queue.records
    }
}

/// Hands out run indices and collects records under one lock.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var results: [RunRecord?]

    init(count: Int) {
        self.count = count
        results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, _ record: RunRecord, progress: (Int, RunRecord) -> Void) {
        lock.withLock {
            results[index] = record
            progress(index, record)
        }
    }

    var records: [RunRecord] { lock.withLock { results.compactMap { $0 } } }
}
