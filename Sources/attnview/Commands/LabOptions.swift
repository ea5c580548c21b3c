import ArgumentParser
import Foundation
import Training

/// `snapshot --lab-step N …`: the training lab's screen at a step instead of the picture. Training
/// is seeded, so the lab's settings and the step remake the screen a lab snapshot was saved from;
/// the divisor of its fourth run is the picture's (`--scale`, `--alpha`), the one thing the lab
/// shares with the view.
struct LabOptions: ParsableArguments {
    @Option(
        name: .customLong("lab-step"), parsing: .unconditional,
        help: "Draw the training lab (T) after this many steps, 0–250, instead of the picture.")
    var step: Int?

    @Option(
        name: .customLong("lab-dk"), parsing: .unconditional, help: "The lab's d_k: a power of two, 4–1024.")
    var dk: Int?

    @Option(
        name: .customLong("lab-lr"), parsing: .unconditional,
        help: "The lab's learning rate, a power of √2 from 2^-16 to 2^8 (default 4 for SGD, 1/64 for Adam).")
    var learningRate: Double?

    @Option(name: .customLong("lab-optimizer"), help: "The lab's optimiser: sgd or adam.")
    var optimizer: Optimizer?

    @Option(
        name: .customLong("lab-seed"), parsing: .unconditional,
        help: "The lab's seed of the data and the initial weights. (default: 0)", transform: SeedArgument.parse)
    var seed: UInt64?

    @Option(
        name: .customLong("lab-grid"), parsing: .unconditional,
        help: "Open the lab's learning-rate transfer grid with its first N runs done, 0–84.")
    var gridRuns: Int?

    func validate() throws {
        _ = try state()
    }

    /// The lab these options describe (nil without --lab-step), its runs not yet trained.
    func state() throws -> LabState? {
        guard let step else {
            let given = [
                ("--lab-dk", dk != nil), ("--lab-lr", learningRate != nil), ("--lab-optimizer", optimizer != nil),
                ("--lab-seed", seed != nil), ("--lab-grid", gridRuns != nil),
            ]
            if let flag = given.first(where: \.1)?.0 { throw ValidationError("\(flag) needs --lab-step") }
            return nil
        }
        var lab = LabState.opening
        let steps = RetrievalTask().steps
        guard (0...steps).contains(step) else {
            throw ValidationError("--lab-step \(step) is out of range (allowed: 0–\(steps))")
        }
        if let dk {
            guard LabState.dkRange.contains(dk), dk & (dk - 1) == 0 else {
                throw ValidationError(
                    "--lab-dk \(dk) is not a power of two from \(LabState.dkRange.lowerBound) to "
                        + "\(LabState.dkRange.upperBound)")
            }
            lab.dk = dk
        }
        lab.optimizer = optimizer ?? .sgd
        let rate = learningRate ?? lab.optimizer.defaultLearningRate
        let halfOctaves = 2 * log2(rate)
        guard rate > 0, rate.isFinite, abs(halfOctaves - halfOctaves.rounded()) < 1e-9,
            LabState.learningRateRange.contains(Int(halfOctaves.rounded()))
        else {
            throw ValidationError(
                "--lab-lr \(learningRate.map { "\($0)" } ?? "") is not a power of √2 from 2^-16 to 2^8")
        }
        lab.learningRateHalfOctaves = Int(halfOctaves.rounded())
        lab.seed = seed ?? 0
        if let gridRuns {
            let total = lab.gridPlan.grid.runs.count
            guard (0...total).contains(gridRuns) else {
                throw ValidationError("--lab-grid \(gridRuns) is out of range (allowed: 0–\(total))")
            }
            lab.gridOpen = true
        }
        return lab
    }
}
