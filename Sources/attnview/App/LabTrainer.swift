import Foundation
import Training

/// Trains the lab's runs off the main loop. One thread steps the four runs in turn and publishes
/// their records as a value after each round; the loop takes the latest with `take()` when it
/// draws, so a key never waits for training. A new plan abandons the old one at its next step.
final class LabTrainer: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var paused = false
    private var latest: LabProgress?
    private var gridGeneration = 0
    private var gridLatest: GridProgress?
    private var gridLosses: [Int: Double] = [:]
    private var gridNext = 0

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

    /// Starts the transfer grid (nil: stops it) on two threads, abandoning the one before.
    func startGrid(_ plan: GridPlan?) {
        let mine: Int = lock.withLock {
            gridGeneration += 1
            gridLatest = nil
            gridLosses = [:]
            gridNext = 0
            return gridGeneration
        }
        guard let plan else { return }
        Thread.detachNewThread { [self] in runGrid(plan, generation: mine) }
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
        var runs = plan.runs.map { TrainingRun($0) }
        while true {
            let (current, waiting) = lock.withLock { (generation == mine, paused) }
            guard current else { return }
            if waiting {
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            for index in runs.indices { runs[index].step() }
            let progress = LabProgress(
                plan: plan, records: runs.map(\.record), attention: runs.map(\.probeAttention))
            lock.withLock {
                if generation == mine { latest = progress }
            }
            if progress.isFinished { return }
        }
    }

    private func runGrid(_ plan: GridPlan, generation mine: Int) {
        let runs = plan.grid.runs
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let claimed: Int? = lock.withLock {
                    guard gridGeneration == mine, gridNext < runs.count else { return nil }
                    defer { gridNext += 1 }
                    return gridNext
                }
                guard let index = claimed else { return }
                var run = TrainingRun(runs[index])
                while !run.record.isFinished {
                    guard lock.withLock({ gridGeneration == mine }) else { return }
                    run.step()
                }
                lock.withLock {
                    guard gridGeneration == mine else { return }
                    gridLosses[index] = run.record.finalLoss ?? .infinity
                    gridLatest = GridProgress(plan: plan, finalLosses: gridLosses)
                }
            }
        }
    }
}
