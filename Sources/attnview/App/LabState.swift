import AttentionCore
import Foundation
import Rendering
import Training

/// The training lab (`T`): the settings its four runs share and the progress last published for
/// them. The runs are the none, sqrt and dk policies and the user's own divisor (the view's policy
/// and alpha); the trainer works in the background and its progress comes back as outcomes.
struct LabState: Hashable, Sendable {
    /// The d_k values ←→ step through.
    static let dkRange = 4...1024
    /// Learning rates go in half octaves: 2^(halfOctaves / 2).
    static let learningRateRange = -32...16

    var dk = 256
    var learningRateHalfOctaves = 4
    var optimizer = Optimizer.sgd
    var seed: UInt64 = 0
    var paused = false
    /// The learning-rate transfer grid is open (`g`).
    var gridOpen = false
    /// The last progress of the current runs (nil before the first step or after a change).
    var progress: LabProgress?
    /// The finished runs of the grid so far.
    var gridProgress: GridProgress?

    /// The opening settings: SGD at d_k 256 and a learning rate of 4, where the divisors part ways.
    static let opening = LabState()

    /// Training is under way (not paused, not finished), or the open grid is still filling in:
    /// the screen must redraw without a key.
    var isBusy: Bool {
        let training = !paused && progress?.isFinished != true
        let filling = gridOpen && (gridProgress?.finalLosses.count ?? 0) < gridPlan.grid.runs.count
        return training || filling
    }

    var learningRate: Double { exp2(Double(learningRateHalfOctaves) / 2) }

    /// The four runs for a view whose divisor policy is `scale` × `alpha`.
    func plan(scale: ScalePolicy, alpha: Double) -> LabPlan {
        let task = RetrievalTask(seed: seed)
        let policies: [(ScalePolicy, Double)] = [(.none, 1), (.sqrtDk, 1), (.dk, 1), (scale, alpha)]
        return LabPlan(
            runs: policies.map {
                RunSettings(
                    task: task, dk: dk, scale: $0.0, alpha: $0.1, learningRate: learningRate, optimizer: optimizer)
            })
    }

    /// The grid of the lab's optimiser and seed: every policy × d_k 16…1024 × the optimiser's rates.
    var gridPlan: GridPlan {
        GridPlan(
            grid: TrainingGrid(
                task: RetrievalTask(seed: seed), dks: GridPlan.dks, scales: GridPlan.policies,
                learningRates: optimizer.gridLearningRates, optimizer: optimizer))
    }

    /// The settings as one line, e.g. "SGD, d_k 256, lr 4, seed 0".
    var settingsLine: String {
        "\(optimizer.rawValue.uppercased()), d_k \(dk), lr \(Self.format(learningRate)), seed \(seed)"
    }

    /// Why the runs part ways at the opening settings, or what to look for elsewhere.
    var note: String {
        if dk == 256 && optimizer == .sgd && learningRateHalfOctaves == 4 {
            return "why: s=1 saturates, s=d_k vanishes, √d_k learns"
        }
        return "√d_k keeps the logits' spread 1 at every d_k"
    }

    /// A learning rate as its power of two when it is not a short decimal ("2^-5.5").
    static func format(_ rate: Double) -> String {
        let exponent = log2(rate)
        if exponent >= -4 && exponent == exponent.rounded() { return ParameterSteps.format(rate) }
        return "2^" + (exponent == exponent.rounded() ? String(Int(exponent)) : String(exponent))
    }
}

/// The four runs the lab trains together.
struct LabPlan: Hashable, Sendable {
    let runs: [RunSettings]
}

/// The runs of a plan after some steps, as the trainer published them.
struct LabProgress: Hashable, Sendable {
    let plan: LabPlan
    let records: [RunRecord]
    /// Each run's probe attention at its current step (n × n).
    let attention: [[Float]]

    /// Every run finished (all steps taken, or diverged).
    var isFinished: Bool { records.allSatisfy(\.isFinished) }

    /// The step the runs are at: the runs step together, a diverged one stops early.
    var step: Int { records.map(\.stepsDone).max() ?? 0 }

    /// `plan`'s runs stepped together from the start to `step` (or until they finish): what the
    /// lab shows at that step, as the trainer publishes it and a snapshot's command remakes it.
    static func training(_ plan: LabPlan, to step: Int) -> LabProgress {
        var group = RunGroup(plan.runs.map { TrainingRun($0) })
        while !group.isFinished, group.runs.map(\.record.stepsDone).max() ?? 0 < step { group.step() }
        return LabProgress(plan: plan, group: group)
    }
}

extension LabProgress {
    /// The progress of a group of `plan`'s runs as it stands.
    init(plan: LabPlan, group: RunGroup) {
        self.init(plan: plan, records: group.runs.map(\.record), attention: group.runs.map(\.probeAttention))
    }
}

/// The learning-rate transfer grid the lab runs in the background.
struct GridPlan: Hashable, Sendable {
    static let dks = [16, 64, 256, 1024]
    static let policies: [ScalePolicy] = [.none, .sqrtDk, .dk]
    let grid: TrainingGrid

    static func == (lhs: GridPlan, rhs: GridPlan) -> Bool { lhs.grid.runs == rhs.grid.runs }
    func hash(into hasher: inout Hasher) { hasher.combine(grid.runs) }
}

/// The grid's finished runs so far: final loss (infinity once diverged) by run index. The runs
/// finish in index order as far as the picture goes (the trainer publishes the finished ones up to
/// the first still running), so a count says which are done and a snapshot can remake them.
struct GridProgress: Hashable, Sendable {
    let plan: GridPlan
    let finalLosses: [Int: Double]

    /// The first `count` runs of `plan` trained to the end, on two threads.
    static func training(_ plan: GridPlan, count: Int) -> GridProgress {
        let records = TrainingGrid(runs: Array(plan.grid.runs.prefix(count))).run(threads: 2)
        return GridProgress(plan: plan, finalLosses: Self.losses(records))
    }

    /// Final loss by index, infinity for a diverged run.
    static func losses(_ records: [RunRecord]) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: records.enumerated().map { ($0, $1.finalLoss ?? .infinity) })
    }
}
