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

    /// Token values from which a batch is generated on two threads (the default task's 65 536 are).
    static let parallelTokens = 16_384

    /// Step `step`'s examples.
    func batch<T: TrainingScalar>(step: Int, as _: T.Type = T.self) -> Batch<T> {
        let generator = GaussianGenerator(seed: seed)
        let first = step * batch
        var tokens = [Float](repeating: 0, count: batch * n * dModel)
        var noiseValues = [Float](repeating: 0, count: batch * dModel)
        // The tokens cost more than the step itself: two threads fill disjoint halves of the rows
        // (every entry is a function of its row and column alone, so the halves change nothing).
        let rows = first * n..<(first + batch) * n
        let parts = rows.count * dModel >= Self.parallelTokens ? 2 : 1
        tokens.withUnsafeMutableBufferPointer { buffer in
            let target = TokenBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = rows.lowerBound + rows.count * part / parts
                let end = rows.lowerBound + rows.count * (part + 1) / parts
                generator.fill(
                    .trainingTokens, rows: start..<end, columns: dModel, scale: 1,
                    into: target.base + (start - rows.lowerBound) * dModel)
            }
        }
        noiseValues.withUnsafeMutableBufferPointer {
            generator.fill(
                .trainingQueryNoise, rows: first..<first + batch, columns: dModel, scale: noise, into: $0.baseAddress!)
        }
        let targets = (0..<batch).map { target(step: step, example: $0) }
        return Batch(tokens: tokens, noise: noiseValues, targets: targets, n: n, dModel: dModel)
    }

    /// The fixed probe example the lab draws: n tokens, and one query per token (x_i + noise·εᵢ),
    /// so a trained head's attention is the n × n identity.
    func probe<T: TrainingScalar>(as _: T.Type = T.self) -> Batch<T> {
        let generator = GaussianGenerator(seed: seed)
        var tokens = [Float](repeating: 0, count: n * dModel)
        var noiseValues = [Float](repeating: 0, count: n * dModel)
        tokens.withUnsafeMutableBufferPointer {
            generator.fill(.probeTokens, rows: 0..<n, columns: dModel, scale: 1, into: $0.baseAddress!)
        }
        noiseValues.withUnsafeMutableBufferPointer {
            generator.fill(.probeQueryNoise, rows: 0..<n, columns: dModel, scale: noise, into: $0.baseAddress!)
        }
        return Batch(tokens: tokens, noise: noiseValues, targets: Array(0..<n), n: n, dModel: dModel, shared: true)
    }

    /// The initial W_q and W_k (d_model × d_k, entries N(0, 1/d_model)). Column c of each is the
    /// same at every d_k, so runs at different d_k start from nested weights.
    func initialWeights<T: TrainingScalar>(dk: Int, as _: T.Type = T.self) -> HeadWeights<T> {
        let generator = GaussianGenerator(seed: seed)
        let scale = 1 / Double(dModel).squareRoot()
        var query = [Float](repeating: 0, count: dModel * dk)
        var key = [Float](repeating: 0, count: dModel * dk)
        query.withUnsafeMutableBufferPointer {
            generator.fill(.trainingQueryWeights, rows: 0..<dModel, columns: dk, scale: scale, into: $0.baseAddress!)
        }
        key.withUnsafeMutableBufferPointer {
            generator.fill(.trainingKeyWeights, rows: 0..<dModel, columns: dk, scale: scale, into: $0.baseAddress!)
        }
        return HeadWeights(
            query: query as? [T] ?? query.map { T($0) }, key: key as? [T] ?? key.map { T($0) }, dModel: dModel, dk: dk)
    }
}

/// One step's examples: tokens (batch × n × d_model), queries (batch × d_model) and targets.
struct Batch<T: TrainingScalar> {
    let tokens: [T]
    let queries: [T]
    let targets: [Int]
    let n: Int
    let dModel: Int

    var count: Int { targets.count }

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

/// The token array, written by two threads at disjoint rows.
private struct TokenBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
}
