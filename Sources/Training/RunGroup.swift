import Foundation

/// Runs of one task stepped together: each step's batch is generated once and shared by every run
/// at that step (generating the tokens costs more than a step of SGD), and the runs are shared out
/// over worker threads. The lab steps one group between frames; a grid finishes groups.
public struct RunGroup: Sendable {
    /// The runs, in the order given.
    public private(set) var runs: [TrainingRun]

    /// A group of `runs`, which must all train the same task.
    public init(_ runs: [TrainingRun]) {
        precondition(Set(runs.map(\.settings.task)).count <= 1, "a run group shares one task's batches")
        self.runs = runs
    }

    /// Every run finished (or diverged).
    public var isFinished: Bool { runs.allSatisfy(\.record.isFinished) }

    /// Replaces run `index` (a restarted run starts at step 0 and gets its own batches until done).
    public mutating func replace(_ index: Int, with run: TrainingRun) {
        precondition(runs.first.map { $0.settings.task == run.settings.task } ?? true, "one task per group")
        runs[index] = run
    }

    /// One step of every unfinished run, on `threads` threads.
    public mutating func step(threads: Int = 1) {
        guard let task = runs.first?.settings.task else { return }
        let pending = runs.indices.filter { !runs[$0].record.isFinished }
        let steps = Set(pending.map { runs[$0].record.stepsDone })
        let batches = Dictionary(uniqueKeysWithValues: steps.map { ($0, task.batch(step: $0) as Batch<Float>) })
        runs.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedRuns(base: buffer.baseAddress!)
            let workers = max(1, min(threads, pending.count))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for position in stride(from: worker, to: pending.count, by: workers) {
                    let index = pending[position]
                    if let batch = batches[shared.base[index].record.stepsDone] {
                        shared.base[index].step(on: batch)
                    }
                }
            }
        }
    }

    /// Steps until every run is finished.
    public mutating func finish(threads: Int = 1) {
        while !isFinished { step(threads: threads) }
    }
}

/// The group's runs, handed to worker threads that each step their own disjoint subset.
private struct SharedRuns: @unchecked Sendable {
    let base: UnsafeMutablePointer<TrainingRun>
}
