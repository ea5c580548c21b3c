import AttentionCore
import Testing

@testable import Training

struct RunRecordTests {
    let task = RetrievalTask(dModel: 8, n: 5, batch: 6, noise: 0.3, steps: 30, seed: 7)

    func record(losses: [Float], steps: Int = 30) -> RunRecord {
        var task = task
        task.steps = steps
        var record = RunRecord(
            settings: RunSettings(task: task, dk: 4, scale: .sqrtDk, learningRate: 1, optimizer: .sgd))
        record.losses = losses
        record.gradientNorms = losses
        return record
    }

    @Test func finalLossIsTheMeanOfTheLastTwentySteps() throws {
        let losses = (0..<30).map { Float($0) }
        let final = try #require(record(losses: losses).finalLoss)
        #expect(final == (10..<30).reduce(0.0) { $0 + Double($1) } / 20)
        #expect(record(losses: Array(losses.prefix(29))).finalLoss == nil, "a run still going has no final loss")
    }

    @Test func stepsToTargetIsTheFirstStepBelowIt() {
        #expect(record(losses: [0.9, 0.2, 0.049, 0.06, 0.01]).stepsToTarget == 2)
        #expect(record(losses: [0.9, 0.2, 0.05]).stepsToTarget == nil)
    }

    @Test func verdictsSayLearnedCrawlingStuckAndTraining() {
        #expect(
            record(losses: Array(repeating: 0.9, count: 10) + Array(repeating: 0.01, count: 20)).verdict == .learned)
        #expect(
            record(losses: Array(repeating: 0.9, count: 10) + Array(repeating: 0.5, count: 20)).verdict == .crawling)
        #expect(record(losses: Array(repeating: 0.9, count: 10) + Array(repeating: 0.85, count: 20)).verdict == .stuck)
        #expect(record(losses: [0.9, 0.8]).verdict == .training)
    }

    @Test func aHugeStepDivergesAndStops() {
        var run = TrainingRun(RunSettings(task: task, dk: 16, scale: .none, learningRate: 1e20, optimizer: .sgd))
        run.finish()
        #expect(run.record.diverged)
        #expect(run.record.verdict == .diverged)
        #expect(run.record.losses.count == 1)
        #expect(run.record.finalLoss == nil)
    }

    @Test func probesAreRecordedAtTheStepsAskedFor() throws {
        var run = TrainingRun(
            RunSettings(task: task, dk: 8, scale: .sqrtDk, learningRate: 1, optimizer: .sgd), probeSteps: [0, 10, 30])
        run.finish()
        #expect(run.record.probes.map(\.step) == [0, 10, 30])
        let last = try #require(run.record.probes.last)
        #expect(last.weights == run.probeAttention)
        for row in 0..<task.n {
            let sum = last.weights[row * task.n..<(row + 1) * task.n].reduce(0, +)
            #expect(abs(sum - 1) <= 1e-5)
        }
    }

    @Test func aRunIsDeterministicAndAGridDoesNotDependOnThreads() {
        let grid = TrainingGrid(
            task: task, dks: [4, 8], scales: [.none, .sqrtDk], learningRates: [0.5, 2], optimizer: .adam)
        #expect(grid.runs.count == 8)
        #expect(grid.runs.map(\.dk) == [4, 4, 4, 4, 8, 8, 8, 8])
        #expect(grid.runs.prefix(4).map(\.learningRate) == [0.5, 2, 0.5, 2])
        let one = grid.run(threads: 1)
        let two = grid.run(threads: 2)
        #expect(one == two)
        #expect(one.map(\.settings) == grid.runs)
        #expect(one.allSatisfy { $0.losses.count == 30 })
    }

    @Test func groupsThatDrawAheadGiveEveryRunWhatALoneRunGets() {
        // Batch 20: three pieces, drawn on both threads while the runs step; a run restarted
        // mid-way lags the batch drawn ahead and gets its own.
        let task = RetrievalTask(dModel: 8, n: 5, batch: 20, noise: 0.3, steps: 25, seed: 4)
        let settings = RunSettings(task: task, dk: 8, scale: .sqrtDk, learningRate: 0.5, optimizer: .sgd)
        var alone = TrainingRun(settings)
        alone.finish()
        var group = RunGroup([TrainingRun(settings), TrainingRun(settings)])
        for _ in 0..<10 { group.step(threads: 2) }
        group.replace(1, with: TrainingRun(settings))
        group.finish(threads: 2)
        #expect(group.runs.map(\.record) == [alone.record, alone.record])
        #expect(alone.record.losses.count == 25)
    }
}
