/// What the training lab shows, as plain values: the app builds it from the runs' records, so
/// Rendering knows nothing of training.
public struct LabView: Equatable, Sendable {
    /// One run of the lab: a divisor's loss curve, gradient norms, verdict and probe attention.
    public struct Run: Equatable, Sendable {
        /// The divisor's name on screen, e.g. "√d_k s=16".
        public var name: String
        /// Each step's loss so far.
        public var losses: [Float]
        /// Each step's gradient norm so far.
        public var gradientNorms: [Float]
        /// "learned", "crawling", "stuck", "diverged" or "training".
        public var verdict: String
        /// The probe example's attention now, n × n row-major (empty before the first step).
        public var attention: [Float]
        /// Tokens of the probe example.
        public var n: Int

        /// A run named `name` with its history so far.
        public init(
            name: String, losses: [Float], gradientNorms: [Float], verdict: String, attention: [Float], n: Int
        ) {
            self.name = name
            self.losses = losses
            self.gradientNorms = gradientNorms
            self.verdict = verdict
            self.attention = attention
            self.n = n
        }
    }

    /// The none, sqrt and dk runs, then the user's divisor.
    public var runs: [Run]
    /// Steps of a whole run (the x axis).
    public var steps: Int
    /// "SGD, d_k 256, lr 4, seed 0": the settings every run shares.
    public var settings: String
    /// Why the runs part ways (or what to try), shown when the status line is free.
    public var note: String
    /// Training paused (Space).
    public var paused: Bool
    /// The learning-rate transfer grid while it is open.
    public var grid: TransferGridView?

    /// The lab's picture.
    public init(
        runs: [Run], steps: Int, settings: String, note: String, paused: Bool, grid: TransferGridView? = nil
    ) {
        self.runs = runs
        self.steps = steps
        self.settings = settings
        self.note = note
        self.paused = paused
        self.grid = grid
    }

    /// The step the picture shows: the runs step together, and one that diverged stopped early.
    public var step: Int {
        runs.map(\.losses.count).max() ?? 0
    }
}

/// The learning-rate transfer grid: final loss over learning rate (columns) × d_k (rows), one
/// table per divisor policy; nil cells are runs still to come, `.infinity` a diverged run.
public struct TransferGridView: Equatable, Sendable {
    /// Policy names, one table each.
    public var policies: [String]
    /// Row labels (d_k).
    public var dks: [Int]
    /// Column labels (learning rates).
    public var learningRates: [Double]
    /// finalLoss[policy][row][column].
    public var finalLoss: [[[Double?]]]
    /// Runs finished and in all.
    public var done: Int
    public var total: Int

    /// A grid of `policies` × `dks` × `learningRates` with the losses known so far.
    public init(
        policies: [String], dks: [Int], learningRates: [Double], finalLoss: [[[Double?]]], done: Int, total: Int
    ) {
        self.policies = policies
        self.dks = dks
        self.learningRates = learningRates
        self.finalLoss = finalLoss
        self.done = done
        self.total = total
    }
}
