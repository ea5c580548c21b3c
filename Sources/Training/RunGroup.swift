import Foundation

/// Runs of one task stepped together: each step's batch is generated once and shared by every run
/// at that step (generating the tokens costs more than a step of SGD), the runs are shared out
/// over worker threads, and threads left idle draw the next step's batch meanwhile. The lab steps
/// one group between frames; a grid finishes groups.
public struct RunGroup: Sendable {
    /// The runs, in the order given.
    public private(set) var runs: [TrainingRun]
    /// The batch of the step after the last one taken, drawn while that step ran.
    private var prefetched: (step: Int, batch: Batch<Float>)?
    /// A used batch, whose memory the next draw overwrites instead of allocating.
    private var spare: Batch<Float>?

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

    /// One step of every unfinished run, on `threads` workers; the next step's batch is drawn
    /// meanwhile by whichever threads are free (Dispatch uses every core for that).
    public mutating func step(threads: Int = 1) {
        guard let task = runs.first?.settings.task else { return }
        let pending = runs.indices.filter { !runs[$0].record.isFinished }
        let steps = Set(pending.map { runs[$0].record.stepsDone })
        guard let latest = steps.max() else { return }
        var batches: [Int: Batch<Float>] = [:]
        if let prefetched, steps.contains(prefetched.step) { batches[prefetched.step] = prefetched.batch }
        prefetched = nil
        for step in steps where batches[step] == nil { batches[step] = task.batch(step: step) }
        let next = latest + 1
        guard next < task.steps else { return stepRuns(pending, on: batches, threads: threads) }
        var upcoming = spare ?? Batch(room: task)
        spare = nil
        upcoming.overwrite(step: next, of: task) { storage in
            stepRuns(pending, on: batches, threads: threads, drawing: (task, next, storage))
        }
        prefetched = (next, upcoming)
        spare = batches.removeValue(forKey: latest)
    }

    /// Steps runs `pending` on their batches with `threads` workers; with `drawing`, the pieces of
    /// that step's batch are drawn on the same threads (whichever is free takes the next piece).
    private mutating func stepRuns(
        _ pending: [Int], on batches: [Int: Batch<Float>], threads: Int,
        drawing: (task: RetrievalTask, step: Int, storage: BatchPointers)? = nil
    ) {
        let workers = max(1, min(threads, pending.count))
        let pieces = drawing?.task.piecesPerBatch ?? 0
        runs.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedRuns(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers + pieces) { job in
                if job < workers {
                    for position in stride(from: job, to: pending.count, by: workers) {
                        let index = pending[position]
                        guard let batch = batches[shared.base[index].record.stepsDone] else {
                            preconditionFailure("every pending run's step has its batch")
                        }
                        shared.base[index].step(on: batch)
                    }
                } else if let (task, step, storage) = drawing {
                    task.fill(step: step, examples: task.examples(ofPiece: job - workers), into: storage)
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
