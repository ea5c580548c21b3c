import COpenBLAS

/// One training run, taken a step at a time: the headless command runs it to the end, the lab
/// steps it between frames. Float32 throughout, BLAS for the products.
public struct TrainingRun: Sendable {
    /// The run's history so far.
    public private(set) var record: RunRecord
    private let head: RetrievalHead<Float>
    private var weights: HeadWeights<Float>
    private var workspace: RetrievalHead<Float>.Workspace
    private var gradient: RetrievalHead<Float>.Gradient
    private var queryState: OptimizerState<Float>
    private var keyState: OptimizerState<Float>
    private let probe: Batch<Float>
    private let probeSteps: Set<Int>

    /// A run of `settings` from its initial weights; the probe's attention is recorded after each
    /// number of updates in `probeSteps`.
    public init(_ settings: RunSettings, probeSteps: Set<Int> = []) {
        Self.singleThreadedBLAS
        let task = settings.task
        record = RunRecord(settings: settings)
        head = RetrievalHead(dModel: task.dModel, n: task.n, batch: task.batch, dk: settings.dk)
        weights = task.initialWeights(dk: settings.dk)
        workspace = .init(dModel: task.dModel, n: task.n, batch: task.batch)
        gradient = .init(dModel: task.dModel, dk: settings.dk)
        let count = task.dModel * settings.dk
        queryState = .init(settings.optimizer, learningRate: settings.learningRate, count: count)
        keyState = .init(settings.optimizer, learningRate: settings.learningRate, count: count)
        probe = task.probe()
        self.probeSteps = probeSteps
        recordProbeIfAsked()
    }

    /// The settings being trained.
    public var settings: RunSettings { record.settings }

    /// Takes one step (nothing once finished): the batch's loss and gradient, then the update.
    public mutating func step() {
        guard !record.isFinished else { return }
        let step = record.stepsDone
        let batch: Batch<Float> = settings.task.batch(step: step)
        let loss = head.lossAndGradient(
            weights, batch: batch, divisor: Float(settings.divisor), workspace: &workspace, gradient: &gradient)
        let norm = gradient.norm
        guard loss.isFinite, norm.isFinite else {
            record.diverged = true
            return
        }
        record.losses.append(loss)
        record.gradientNorms.append(norm)
        queryState.update(&weights.query, gradient: gradient.query, step: step + 1)
        keyState.update(&weights.key, gradient: gradient.key, step: step + 1)
        recordProbeIfAsked()
    }

    /// Steps until finished.
    public mutating func finish() {
        while !record.isFinished { step() }
    }

    /// The probe example's attention now (n × n, row-major: query i's weights over the n tokens).
    public var probeAttention: [Float] {
        head.probeAttention(weights, probe: probe, divisor: Float(settings.divisor))
    }

    /// Each run's products are small (d_model² · d_k): OpenBLAS' threads would only spin against
    /// the other run or the screen sharing the cores, so every call stays on the calling thread.
    private static let singleThreadedBLAS: Void = {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }()

    private mutating func recordProbeIfAsked() {
        if probeSteps.contains(record.stepsDone) {
            record.probes.append(.init(step: record.stepsDone, weights: probeAttention))
        }
    }
}
