import AttentionCore
import Foundation

/// The retrieval task every run learns, fixed by its seed: each example is n tokens xᵢ ~ N(0, I)
/// of width d_model, a target j and a query x_q = x_j + noise·ε; the head must learn to attend
/// from x_q to x_j. Every number is a pure function of (seed, step, example), so a run replays
/// bit for bit and all runs of a grid see the same data.
public struct RetrievalTask: Hashable, Sendable {
    /// Width of the tokens (the head's input).
    public var dModel: Int
    /// Tokens per example (the keys a query chooses from).
    public var n: Int
    /// Examples per step.
    public var batch: Int
    /// Standard deviation σ of the query's noise.
    public var noise: Double
    /// Optimiser steps per run.
    public var steps: Int
    /// The seed of the data and the initial weights.
    public var seed: UInt64

    /// The task of the experiment: d_model 64, n 16, batch 64, noise 0.3, 250 steps, seed 0.
    public init(
        dModel: Int = 64, n: Int = 16, batch: Int = 64, noise: Double = 0.3, steps: Int = 250, seed: UInt64 = 0
    ) {
        self.dModel = dModel
        self.n = n
        self.batch = batch
        self.noise = noise
        self.steps = steps
        self.seed = seed
    }

    /// The target of example `example` of step `step`: the position carries no information (the
    /// head sees no positions and the tokens are exchangeable), so cycling through them is as good
    /// as drawing them, and needs no second kind of random number.
    public func target(step: Int, example: Int) -> Int {
        (step * batch + example) % n
    }

    /// Examples per piece of a batch, the unit threads share out (`fill(step:examples:into:)`).
    static let examplesPerPiece = 8

    /// Pieces of one batch.
    var piecesPerBatch: Int { (batch + Self.examplesPerPiece - 1) / Self.examplesPerPiece }

    /// Examples of piece `piece`.
    func examples(ofPiece piece: Int) -> Range<Int> {
        piece * Self.examplesPerPiece..<min(batch, (piece + 1) * Self.examplesPerPiece)
    }

    /// Step `step`'s examples.
    func batch<T: TrainingScalar>(step: Int, as _: T.Type = T.self) -> Batch<T> {
        var floats = Batch<Float>(room: self)
        floats.fill(step: step, of: self)
        if let same = floats as? Batch<T> { return same }
        return Batch(
            tokens: floats.tokens.map { T($0) }, queries: floats.queries.map { T($0) }, targets: floats.targets,
            n: n, dModel: dModel)
    }

    /// Writes examples `examples` of step `step` (tokens, and queries x_j + noise·ε) into a batch's
    /// storage. Pieces of one batch write disjoint memory, so threads may fill them at once.
    func fill(step: Int, examples: Range<Int>, into storage: BatchPointers) {
        let generator = GaussianGenerator(seed: seed)
        let first = step * batch
        let tokens = storage.tokens, queries = storage.queries
        generator.fillSingle(
            .trainingTokens, rows: (first + examples.lowerBound) * n..<(first + examples.upperBound) * n,
            columns: dModel, scale: 1, into: tokens + examples.lowerBound * n * dModel)
        generator.fillSingle(
            .trainingQueryNoise, rows: first + examples.lowerBound..<first + examples.upperBound, columns: dModel,
            scale: Float(noise), into: queries + examples.lowerBound * dModel)
        // The noise is added in Float, as the numpy reference does.
        for example in examples {
            let target = tokens + (example * n + target(step: step, example: example)) * dModel
            let query = queries + example * dModel
            for d in 0..<dModel { query[d] = target[d] + query[d] }
        }
    }

    /// The fixed probe example the lab draws: n tokens, and one query per token (x_i + noise·εᵢ),
    /// so a trained head's attention is the n × n identity.
    func probe<T: TrainingScalar>(as _: T.Type = T.self) -> Batch<T> {
        let generator = GaussianGenerator(seed: seed)
        var tokens = [Float](repeating: 0, count: n * dModel)
        var noiseValues = [Float](repeating: 0, count: n * dModel)
        tokens.withUnsafeMutableBufferPointer {
            generator.fillSingle(.probeTokens, rows: 0..<n, columns: dModel, scale: 1, into: $0.baseAddress!)
        }
        noiseValues.withUnsafeMutableBufferPointer {
            generator.fillSingle(
                .probeQueryNoise, rows: 0..<n, columns: dModel, scale: Float(noise), into: $0.baseAddress!)
        }
        return Batch(tokens: tokens, noise: noiseValues, targets: Array(0..<n), n: n, dModel: dModel, shared: true)
    }

    /// The initial W_q and W_k (d_model × d_k, entries N(0, 1/d_model)). Column c of each is the
    /// same at every d_k, so runs at different d_k start from nested weights.
    func initialWeights<T: TrainingScalar>(dk: Int, as _: T.Type = T.self) -> HeadWeights<T> {
        let generator = GaussianGenerator(seed: seed)
        let scale = Float(1 / Double(dModel).squareRoot())
        var query = [Float](repeating: 0, count: dModel * dk)
        var key = [Float](repeating: 0, count: dModel * dk)
        query.withUnsafeMutableBufferPointer {
            generator.fillSingle(
                .trainingQueryWeights, rows: 0..<dModel, columns: dk, scale: scale, into: $0.baseAddress!)
        }
        key.withUnsafeMutableBufferPointer {
            generator.fillSingle(
                .trainingKeyWeights, rows: 0..<dModel, columns: dk, scale: scale, into: $0.baseAddress!)
        }
        return HeadWeights(
            query: query as? [T] ?? query.map { T($0) }, key: key as? [T] ?? key.map { T($0) }, dModel: dModel, dk: dk)
    }
}

/// One step's examples: tokens (batch × n × d_model), queries (batch × d_model) and targets.
struct Batch<T: TrainingScalar>: Sendable {
    private(set) var tokens: [T]
    private(set) var queries: [T]
    private(set) var targets: [Int]
    let n: Int
    let dModel: Int

    var count: Int { targets.count }

    init(tokens: [T], queries: [T], targets: [Int], n: Int, dModel: Int) {
        self.tokens = tokens
        self.queries = queries
        self.targets = targets
        self.n = n
        self.dModel = dModel
    }

    /// The queries are x_j + noise·ε, added in Float (as the numpy reference does). With `shared`
    /// every query picks from the same n tokens (the probe); otherwise each example has its own.
    init(tokens: [Float], noise: [Float], targets: [Int], n: Int, dModel: Int, shared: Bool = false) {
        var queries = noise
        for (example, target) in targets.enumerated() {
            let row = ((shared ? 0 : example * n) + target) * dModel
            for d in 0..<dModel { queries[example * dModel + d] = tokens[row + d] + noise[example * dModel + d] }
        }
        self.tokens = tokens as? [T] ?? tokens.map { T($0) }
        self.queries = queries as? [T] ?? queries.map { T($0) }
        self.targets = targets
        self.n = n
        self.dModel = dModel
    }
}

/// The head's two learned matrices, each d_model × d_k, row-major.
struct HeadWeights<T: TrainingScalar> {
    var query: [T]
    var key: [T]
    let dModel: Int
    let dk: Int
}

/// Where `RetrievalTask.fill(step:examples:into:)` writes one batch.
struct BatchPointers: @unchecked Sendable {
    let tokens: UnsafeMutablePointer<Float>
    let queries: UnsafeMutablePointer<Float>
}

extension Batch<Float> {
    /// Room for one batch of `task`, to be filled: until `overwrite` it holds zeros and no targets.
    init(room task: RetrievalTask) {
        self.init(
            tokens: Array(repeating: 0, count: task.batch * task.n * task.dModel),
            queries: Array(repeating: 0, count: task.batch * task.dModel), targets: [], n: task.n, dModel: task.dModel)
    }

    /// Makes this batch step `step` of `task`, in place: `write` must fill every piece
    /// (`task.fill(step:examples:into:)`), on whatever threads it likes, before it returns.
    mutating func overwrite(step: Int, of task: RetrievalTask, writing write: (BatchPointers) -> Void) {
        tokens.withUnsafeMutableBufferPointer { tokens in
            queries.withUnsafeMutableBufferPointer { queries in
                write(BatchPointers(tokens: tokens.baseAddress!, queries: queries.baseAddress!))
            }
        }
        targets = (0..<task.batch).map { task.target(step: step, example: $0) }
    }

    /// Makes this batch step `step` of `task`, on this thread.
    mutating func fill(step: Int, of task: RetrievalTask) {
        overwrite(step: step, of: task) { storage in
            for piece in 0..<task.piecesPerBatch {
                task.fill(step: step, examples: task.examples(ofPiece: piece), into: storage)
            }
        }
    }
}
