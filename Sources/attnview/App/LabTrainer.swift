import Foundation
import Training

/// Trains the lab's runs off the main loop. One thread steps the four runs together (they share
/// each step's batch) and publishes their records as a value after each step; the loop takes the
/// latest with `take()` when it draws, so a key never waits for training. A new plan, or none,
/// abandons the old one at its next step, so closing the lab leaves no work behind.
final class LabTrainer: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var paused = false
    private var latest: LabProgress?
    private var gridGeneration = 0
    private var gridLatest: GridProgress?

    /// The grid's runs are trained in groups of this many consecutive runs (one d_k and policy,
    /// every learning rate), which share their batches and finish together.
    static let gridGroupSize = 7

    /// Starts training `plan` (nil: stops), abandoning whatever ran before.
    func start(_ plan: LabPlan?) {
        let mine: Int = lock.withLock {
            generation += 1
            latest = nil
            return generation
        }
        guard let plan else { return }
        Thread.detachNewThread { [self] in train(plan, generation: mine) }
    }

    /// Pauses or resumes the runs.
    func pause(_ pausing: Bool) {
        lock.withLock { paused = pausing }
    }

    /// Runs the transfer grid (nil: stops it) on two threads after the runs already `done` (a
    /// prefix of its runs, kept from before), abandoning the grid before.
    func startGrid(_ plan: GridPlan?, done: [Int: Double] = [:]) {
        let mine: Int = lock.withLock {
            gridGeneration += 1
            gridLatest = nil
            return gridGeneration
        }
        guard let plan else { return }
        Thread.detachNewThread { [self] in runGrid(plan, done: done, generation: mine) }
    }

    /// What was published since the last call, as outcomes for the reducer.
    func take() -> [Outcome] {
        lock.withLock {
            defer {
                latest = nil
                gridLatest = nil
            }
            return [latest.map { .labProgress($0) }, gridLatest.map { .gridProgress($0) }].compactMap { $0 }
        }
    }

    private func train(_ plan: LabPlan, generation mine: Int) {
        var group = RunGroup(plan.runs.map { TrainingRun($0) })
        while true {
            let (current, waiting) = lock.withLock { (generation == mine, paused) }
            guard current else { return }
            if waiting {
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            group.step()
            let progress = LabProgress(plan: plan, group: group)
            lock.withLock {
                if generation == mine { latest = progress }
            }
            if progress.isFinished { return }
        }
    }

    private func runGrid(_ plan: GridPlan, done: [Int: Double], generation mine: Int) {
        let runs = plan.grid.runs
        var losses = done
        for start in stride(from: done.count, to: runs.count, by: Self.gridGroupSize) {
            let indices = start..<min(runs.count, start + Self.gridGroupSize)
            var group = RunGroup(runs[indices].map { TrainingRun($0) })
            while !group.isFinished {
                guard lock.withLock({ gridGeneration == mine }) else { return }
                group.step(threads: 2)
            }
            for (index, run) in zip(indices, group.runs) { losses[index] = run.record.finalLoss ?? .infinity }
            let progress = GridProgress(plan: plan, finalLosses: losses)
            lock.withLock {
                if gridGeneration == mine { gridLatest = progress }
            }
        }
    }
}
