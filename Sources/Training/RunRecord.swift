/// A run's history: each step's loss and gradient norm (before that step's update), the probe's
/// attention at the steps asked for, and what they add up to.
public struct RunRecord: Hashable, Sendable {
    /// The loss below which a run has learned the task (the task's loss is ≈ 1 − 1/n for uniform
    /// attention and 0 for attention on the target alone).
    public static let targetLoss = 0.05
    /// Steps averaged into the final loss (and, at the start, into the initial loss).
    static let averagedSteps = 20

    /// The probe example's attention (n × n, row-major) after `step` updates.
    public struct ProbeAttention: Hashable, Sendable {
        public let step: Int
        public let weights: [Float]
    }

    /// The run these are the results of.
    public let settings: RunSettings
    /// Loss of each step's batch, before its update; finite values only.
    public internal(set) var losses: [Float] = []
    /// ‖∂L/∂(W_q, W_k)‖ of each step.
    public internal(set) var gradientNorms: [Float] = []
    /// The probe's attention at the steps the run was asked to record.
    public internal(set) var probes: [ProbeAttention] = []
    /// The loss or the gradient became non-finite at step `losses.count`; the run stopped there.
    public internal(set) var diverged = false

    /// Steps taken (losses recorded).
    public var stepsDone: Int { losses.count }

    /// All steps taken, or stopped by divergence.
    public var isFinished: Bool { diverged || losses.count >= settings.task.steps }

    /// The mean loss of the last 20 steps of a finished run; nil while running or once diverged.
    public var finalLoss: Double? {
        guard isFinished, !diverged else { return nil }
        return Self.mean(losses.suffix(Self.averagedSteps))
    }

    /// The mean loss of the last 20 steps taken so far (what the lab shows while a run is going).
    var recentLoss: Double? {
        losses.isEmpty ? nil : Self.mean(losses.suffix(Self.averagedSteps))
    }

    /// The first step whose loss is below `targetLoss`, or nil.
    public var stepsToTarget: Int? {
        losses.firstIndex { Double($0) < Self.targetLoss }
    }

    /// Learned, crawling, stuck or diverged once finished; `training` before.
    public var verdict: Verdict {
        if diverged { return .diverged }
        guard let final = finalLoss else { return .training }
        if final < Self.targetLoss { return .learned }
        let initial = Self.mean(losses.prefix(Self.averagedSteps))
        return final > 0.9 * initial ? .stuck : .crawling
    }

    private static func mean<C: Collection>(_ values: C) -> Double where C.Element == Float {
        values.reduce(0) { $0 + Double($1) } / Double(values.count)
    }
}
