import AttentionCore

/// Everything one training run depends on: the task, the head's d_k and divisor, the optimiser and
/// its learning rate. Two runs with equal settings produce identical records.
public struct RunSettings: Hashable, Sendable {
    /// The data and the number of steps.
    public var task: RetrievalTask
    /// Width of the queries and keys.
    public var dk: Int
    /// The divisor's policy (√d_k, d_k, none or a fixed number).
    public var scale: ScalePolicy
    /// Multiplier of the sqrt, dk and none policies.
    public var alpha: Double
    /// The step size.
    public var learningRate: Double
    /// SGD or Adam.
    public var optimizer: Optimizer

    /// A run of `task` at d_k `dk`, divisor `scale` × `alpha`, `optimizer` at `learningRate`.
    public init(
        task: RetrievalTask = RetrievalTask(), dk: Int, scale: ScalePolicy, alpha: Double = 1,
        learningRate: Double, optimizer: Optimizer
    ) {
        self.task = task
        self.dk = dk
        self.scale = scale
        self.alpha = alpha
        self.learningRate = learningRate
        self.optimizer = optimizer
    }

    /// The divisor s of the logits q·k/s, as the view computes it.
    public var divisor: Double {
        AttentionParams(n: 1, m: 1, dk: dk, scale: scale, alpha: alpha).divisor
    }
}

/// What a run's losses say about it.
public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// Still running.
    case training
    /// Its final loss fell below the target (0.05).
    case learned
    /// Its loss fell, but not to the target.
    case crawling
    /// Its loss stayed within 10 % of where it started.
    case stuck
    /// Its loss or gradient became non-finite.
    case diverged
}
