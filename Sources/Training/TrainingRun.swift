import COpenBLAS
import Foundation

/// One training run, taken a step at a time: the headless command runs it to the end, the lab
/// steps it between frames. Float32 throughout, BLAS for the products.
public struct TrainingRun: Sendable {
    /// What the run updates: W_q and W_k themselves (Adam), or only the d_model × d_model matrices
    /// SGD's trajectory depends on (`GramDescent`, whose cost does not grow with d_k).
    private enum Parameters {
        case weights(HeadWeights<Float>, query: OptimizerState<Float>, key: OptimizerState<Float>)
        case gram(GramDescent<Float>)
    }

    /// The run's history so far.
    public private(set) var record: RunRecord
    private let head: RetrievalHead<Float>
    private var parameters: Parameters
    private var workspace: RetrievalHead<Float>.Workspace
    private var gradient: RetrievalHead<Float>.Gradient
    private let probe: Batch<Float>
    private let probeSteps: Set<Int>

    /// A run of `settings` from its initial weights; the probe's attention is recorded after each
    /// number of updates in `probeSteps`.
    public init(_ settings: RunSettings, probeSteps: Set<Int> = []) {
        Self.singleThreadedBLAS
        let task = settings.task
        record = RunRecord(settings: settings)
        head = RetrievalHead(dModel: task.dModel, n: task.n, batch: task.batch, dk: settings.dk)
        let weights: HeadWeights<Float> = task.initialWeights(dk: settings.dk)
        let count = task.dModel * settings.dk
        if settings.optimizer == .sgd, Self.gramIsCheaper(dModel: task.dModel, dk: settings.dk) {
            parameters = .gram(GramDescent(weights, learningRate: settings.learningRate))
            gradient = .init(dModel: 0, dk: 0)
        } else {
            parameters = .weights(
                weights, query: .init(settings.optimizer, learningRate: settings.learningRate, count: count),
                key: .init(settings.optimizer, learningRate: settings.learningRate, count: count))
            gradient = .init(dModel: task.dModel, dk: settings.dk)
        }
        workspace = .init(dModel: task.dModel, n: task.n, batch: task.batch)
        probe = task.probe()
        self.probeSteps = probeSteps
        recordProbeIfAsked()
    }

    /// Whether SGD is cheaper on the Gram matrices (seven d_model³ products a step) than on the
    /// weights (three d_model² · d_k products): from d_k ≈ 2.3 · d_model on. Both follow one trajectory.
    static func gramIsCheaper(dModel: Int, dk: Int) -> Bool {
        3 * dk > 7 * dModel
    }

    /// The settings being trained.
    public var settings: RunSettings { record.settings }

    /// Takes one step (nothing once finished): the batch's loss and gradient, then the update.
    public mutating func step() {
        guard !record.isFinished else { return }
        step(on: settings.task.batch(step: record.stepsDone))
    }

    /// Takes one step on `batch`, which must be this run's task's batch for its next step (runs of
    /// one task share it: `RunGroup`).
    mutating func step(on batch: Batch<Float>) {
        guard !record.isFinished else { return }
        let step = record.stepsDone
        let divisor = Float(settings.divisor)
        let loss: Float
        let norm: Float
        switch parameters {
        case .gram(var gram):
            workspace.product = gram.product
            loss = head.lossAndProductGradient(batch: batch, divisor: divisor, workspace: &workspace)
            guard loss.isFinite else { return diverge() }
            norm = gram.step(productGradient: workspace.productGradient)
            parameters = .gram(gram)
        case .weights(var weights, var queryState, var keyState):
            loss = head.lossAndGradient(
                weights, batch: batch, divisor: divisor, workspace: &workspace, gradient: &gradient)
            norm = gradient.norm
            guard loss.isFinite, norm.isFinite else { return diverge() }
            queryState.update(&weights.query, gradient: gradient.query, step: step + 1)
            keyState.update(&weights.key, gradient: gradient.key, step: step + 1)
            parameters = .weights(weights, query: queryState, key: keyState)
        }
        guard norm.isFinite else { return diverge() }
        record.losses.append(loss)
        record.gradientNorms.append(norm)
        recordProbeIfAsked()
    }

    /// Steps until finished.
    public mutating func finish() {
        while !record.isFinished { step() }
    }

    /// The probe example's attention now (n × n, row-major: query i's weights over the n tokens).
    public var probeAttention: [Float] {
        head.probeAttention(product: product, probe: probe, divisor: Float(settings.divisor))
    }

    /// M = W_k W_qᵀ now.
    private var product: [Float] {
        switch parameters {
        case .gram(let gram): return gram.product
        case .weights(let weights, _, _):
            var product = [Float](repeating: 0, count: weights.dModel * weights.dModel)
            head.product(weights, into: &product)
            return product
        }
    }

    private mutating func diverge() {
        record.diverged = true
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
