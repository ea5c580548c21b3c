import Dispatch
import TensorFiles

/// Computes attention results and keeps what a parameter change does not invalidate
/// (inputs, QKᵀ), so a new divisor costs a softmax, not a matmul. One engine per thread.
public final class AttentionEngine {
    /// The current inputs and what they were made from.
    private var inputs: (key: InputsKey, value: AttentionInputs)?
    var dotProducts = DotProductCache()

    /// Where `.files` and `.model` inputs come from: the core reads no files and runs no model.
    private let provider: InputsProvider?

    /// An engine with empty caches; `inputs` hands it the Q and K of `.files` and `.model` sources
    /// (nil for an engine that only generates its inputs). Puts OpenBLAS in single-threaded mode at
    /// once, so its idle worker threads stop competing for the cores while the inputs are read.
    public init(inputs provider: InputsProvider? = nil) {
        self.provider = provider
        _ = DotProductCache.singleThreadedBLAS
    }

    /// Floats the current Q and K hold (nil before the first compute): what the engine keeps for speed.
    var storedInputFloats: Int? { inputs?.value.storedFloats }

    /// How many matrix products the engine has run: a divisor-only change must not add one.
    var matmulCount: Int { dotProducts.matmulCount }

    /// The full result for `params`; throws for out-of-range parameters or unusable files.
    public func compute(_ params: AttentionParams) throws(AttentionError) -> AttentionResult {
        let (resolved, inputs) = try prepare(params)
        let dots = dotProducts.dots(resolved.dk, inputs: inputs)
        return Self.assemble(resolved, inputs: inputs, dots: dots, generated: resolved.source.describing.isGenerated)
    }

    /// The result for in-memory Q (n × d) and K (m × d), row-major, using their first `params.dk`
    /// columns (all with `AttentionParams.allFileColumns`); n and m come from the matrices and
    /// `params.source` is ignored. Nothing is cached: this is for tests and one-off use.
    public func compute(q: Matrix, k: Matrix, params: AttentionParams) throws(AttentionError) -> AttentionResult {
        let resolved = try Self.resolve(params, q: q, k: k, qName: "Q", kName: "K")
        let inputs = AttentionInputs(queries: q, keys: k)
        var cache = DotProductCache()
        let dots = cache.dots(resolved.dk, inputs: inputs)
        return Self.assemble(resolved, inputs: inputs, dots: dots, generated: false)
    }

    /// Forgets every cached QKᵀ (inputs stay): the next `compute` redoes the matmul. For benchmarks.
    public func discardDotProducts() {
        dotProducts.removeAll()
    }

    /// Validated parameters with n, m and dk resolved, and inputs holding at least dk dimensions.
    func prepare(_ params: AttentionParams) throws(AttentionError) -> (AttentionParams, AttentionInputs) {
        try params.validate()
        if params.source.describing.isGenerated {
            let recipe = GeneratedRecipe(
                seed: params.seed, sigma: params.sigma, rho: params.rho, n: params.n, m: params.m)
            let key = InputsKey.generated(recipe)
            if var current = inputs, current.key == key {
                inputs = nil  // keeps the arrays uniquely referenced while they grow
                current.value.grow(to: params.dk)
                current.value.trimSpare(keeping: params.dk)
                inputs = current
                return (params, current.value)
            }
            let generated = AttentionInputs(generated: recipe, dims: params.dk)
            replaceInputs(key: key, with: generated)
            return (params, generated)
        } else {
            let key = InputsKey.fixed(params.source)
            if let current = inputs, current.key == key {
                let resolved = try Self.resolve(
                    params, dims: current.value.dims, n: current.value.n, m: current.value.m)
                return (resolved, current.value)
            }
            guard let provider else { throw .shapeMismatch("no Q and K were handed to the engine for these inputs") }
            let (q, k) = try provider(params.source)
            let names = params.source.describing.inputNames
            let resolved = try Self.resolve(params, q: q, k: k, qName: names.q, kName: names.k)
            let fixed = AttentionInputs(queries: q, keys: k)
            replaceInputs(key: key, with: fixed)
            return (resolved, fixed)
        }
    }

    private func replaceInputs(key: InputsKey, with value: AttentionInputs) {
        inputs = nil
        dotProducts.removeAll()
        inputs = (key, value)
    }

    /// Checks fixed Q and K against each other and the limits, then resolves the parameters.
    private static func resolve(
        _ params: AttentionParams, q: Matrix, k: Matrix, qName: String, kName: String
    ) throws(AttentionError) -> AttentionParams {
        if q.cols != k.cols {
            throw .shapeMismatch("\(qName) has d = \(q.cols) but \(kName) has d = \(k.cols): Q and K need the same d")
        }
        for (name, matrix) in [(qName, q), (kName, k)] where !Limits.tokens.contains(matrix.rows) {
            throw .badFile(path: name, reason: "has \(matrix.rows) rows; 1–\(Limits.tokens.upperBound) are supported")
        }
        if q.cols < 1 { throw .badFile(path: qName, reason: "has no columns") }
        return try resolve(params, dims: q.cols, n: q.rows, m: k.rows)
    }

    /// Fills in n, m and dk from fixed inputs (`dims` columns) and checks the now-known divisor.
    private static func resolve(_ params: AttentionParams, dims: Int, n: Int, m: Int) throws(AttentionError)
        -> AttentionParams
    {
        var resolved = params
        resolved.n = n
        resolved.m = m
        if params.dk == AttentionParams.allFileColumns { resolved.dk = dims }
        try resolved.validate(columns: dims)
        return resolved
    }

    /// Softmax, statistics and histograms of `dots` under `params`.
    static func assemble(_ params: AttentionParams, inputs: AttentionInputs, dots: [Float], generated: Bool)
        -> AttentionResult
    {
        let divisor = params.divisor
        let mask = Mask(n: params.n, m: params.m, causal: params.causal)
        let shift = Double(sign: .plus, exponent: inputs.exponentShift, significand: 1)
        let kernel = SoftmaxKernel(n: params.n, m: params.m, mask: mask, logitFactor: shift / divisor)
        let out = kernel.run(dots: dots)
        let stats = statistics(
            out.moments, jacobianMedian: out.jacobianMedian, params: params, mask: mask, generated: generated)
        let (logitHistogram, weightHistogram) = histograms(out.logits, out.weights, mask: mask)
        return AttentionResult(
            params: params, divisor: divisor, logits: out.logits, weights: out.weights, rowEntropy: out.rowEntropy,
            stats: stats, logitHistogram: logitHistogram, weightHistogram: weightHistogram,
            problem: NonFiniteProblem.describe(params: params, inputsFinite: inputs.isFinite, stats: stats))
    }

    /// Both default histograms, side by side on two cores when the matrices are large.
    private static func histograms(_ logits: Matrix, _ weights: Matrix, mask: Mask) -> (Histogram, Histogram) {
        guard logits.values.count >= SoftmaxKernel.parallelThreshold else {
            return (
                Histogram.logits(logits, mask: mask, bins: defaultBins),
                Histogram.weights(weights, mask: mask, bins: defaultBins)
            )
        }
        var pair = [Histogram](repeating: Histogram(lower: 0, upper: 1, bins: 1, log10Axis: false), count: 2)
        pair.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                out.pointer?[index] =
                    index == 0
                    ? Histogram.logits(logits, mask: mask, bins: defaultBins)
                    : Histogram.weights(weights, mask: mask, bins: defaultBins)
            }
        }
        return (pair[0], pair[1])
    }

    /// Bins of the histograms stored in every result (re-bin with `AttentionResult.logitHistogram(bins:)`).
    static let defaultBins = 64

    static func statistics(
        _ moments: RowMoments, jacobianMedian: Double, params: AttentionParams, mask: Mask, generated: Bool
    ) -> AttentionStatistics {
        let rows = Double(max(moments.rows, 1))
        let entries = Double(max(moments.entries, 1))
        var expected: Double?
        if generated {
            let aligned = (0..<min(params.n, params.m)).filter { mask.visibleKeys(row: $0).contains($0) }.count
            expected = AttentionStatistics.expectedLogitStd(
                sigma: params.sigma, rho: params.rho, dk: params.dk, divisor: params.divisor,
                entries: moments.entries, aligned: aligned)
        }
        let normalized = moments.rowsWithChoice > 0 ? moments.normalizedEntropySum / Double(moments.rowsWithChoice) : 0
        let maxWeight = moments.maxWeightSum / rows
        return AttentionStatistics(
            logitMean: moments.logitMean, logitStd: (moments.logitM2 / entries).squareRoot(),
            logitStdExpected: expected, entropyMean: moments.entropySum / rows,
            entropyNormalizedMean: normalized, maxWeightMean: maxWeight,
            effectiveTokensMean: moments.effectiveTokensSum / rows, jacobianFroMean: moments.jacobianSum / rows,
            scoreGradMean: moments.jacobianSum / rows / params.divisor,
            scoreGradMedian: jacobianMedian / params.divisor, scoreGradMax: moments.jacobianMax / params.divisor,
            unsafeRowsFP16: Double(moments.fp16.overflow + moments.fp16.underflow) / rows,
            overflowRowsFP16: Double(moments.fp16.overflow) / rows,
            unsafeRowsFP32: Double(moments.fp32.overflow + moments.fp32.underflow) / rows,
            overflowRowsFP32: Double(moments.fp32.overflow) / rows,
            regime: Regime(maxWeightMean: maxWeight, entropyNormalizedMean: normalized))
    }
}

/// What identifies a set of inputs: equal keys give identical Q and K.
enum InputsKey: Equatable {
    case generated(GeneratedRecipe)
    /// Files or a model head, handed in by the provider.
    case fixed(InputSource)
}

extension AttentionEngine {
    /// Only the statistics for `params` (what `Sweep` needs), sharing the caches of `compute`.
    public func statistics(_ params: AttentionParams) throws(AttentionError) -> AttentionStatistics {
        try compute(params).stats
    }
}
