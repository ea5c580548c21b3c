import Dispatch
import TensorFiles

/// A head at a glance, for the heads grid: how peaked its rows are and a small picture of its
/// weights, at the divisor the view is using now (so a divisor change reshapes every head).
public struct HeadSummary: Equatable, Sendable {
    /// Mean over rows of H_i / ln m_i: 0 one-hot, 1 uniform.
    public let entropyNormalizedMean: Double
    /// Mean over rows of the largest weight.
    public let maxWeightMean: Double
    /// Flat, balanced or peaked, by the same thresholds as the statistics panel.
    public let regime: Regime
    /// The weights averaged over blocks of tokens, at most `thumbnailSide` on each side.
    public let thumbnail: Matrix
    /// False when the head's Q, K or statistics are not finite (NaN, ±infinity): it has no regime,
    /// and the grid marks it invalid instead of showing numbers.
    public let isFinite: Bool
    /// Every statistic of the head, as `attnview heads` prints (and `--sort` orders) them: the grid's
    /// other colourings read these, so its rank order is the command's.
    public let stats: AttentionStatistics

    /// A summary as the grid shows it (`summaries(of:params:)` computes real ones); without `stats`,
    /// the statistics not given here are zero.
    public init(
        entropyNormalizedMean: Double, maxWeightMean: Double, regime: Regime, thumbnail: Matrix, isFinite: Bool = true,
        stats: AttentionStatistics? = nil
    ) {
        self.isFinite = isFinite
        self.entropyNormalizedMean = entropyNormalizedMean
        self.maxWeightMean = maxWeightMean
        self.regime = regime
        self.thumbnail = thumbnail
        var values: [Double?] = AttentionStatistics.columns.map { _ in 0 }
        values[4] = entropyNormalizedMean
        values[5] = maxWeightMean
        self.stats = stats ?? AttentionStatistics(columnValues: values)
    }

    /// The largest side of a thumbnail: enough for a grid cell of 16 × 8 half-block pixels.
    static let thumbnailSide = 16

    /// Summaries of every head of every layer (`heads[layer][head]`) under `params`' divisor
    /// policy, alpha and mask, using each head's first `params.dk` columns (all of them when
    /// `params.dk` is larger or `allFileColumns`). Heads are spread over the cores.
    public static func summaries(of heads: [[HeadInputs]], params: AttentionParams) -> [[HeadSummary]] {
        let flat = heads.flatMap { $0 }
        var results = [HeadSummary?](repeating: nil, count: flat.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: flat.count) { index in
                out.pointer?[index] = summary(of: flat[index], params: params)
            }
        }
        var start = 0
        return heads.map { layer in
            defer { start += layer.count }
            return results[start..<(start + layer.count)].map { $0 ?? .empty }
        }
    }

    /// The summary of one head (see `summaries(of:params:)`).
    public static func summary(of head: HeadInputs, params: AttentionParams) -> HeadSummary {
        let q = head.queries, k = head.keys
        guard q.rows > 0, k.rows > 0, q.cols == k.cols, q.cols > 0 else { return .empty }
        guard AttentionInputs.isFinite(q.values), AttentionInputs.isFinite(k.values) else { return .notFinite }
        var resolved = params
        resolved.n = q.rows
        resolved.m = k.rows
        resolved.dk = params.dk >= 1 ? min(params.dk, q.cols) : q.cols
        let inputs = AttentionInputs(queries: q, keys: k)
        var cache = DotProductCache()
        let dots = cache.dots(resolved.dk, inputs: inputs)
        let mask = Mask(n: q.rows, m: k.rows, causal: params.causal)
        let shift = Double(sign: .plus, exponent: inputs.exponentShift, significand: 1)
        let out = SoftmaxKernel(n: q.rows, m: k.rows, mask: mask, logitFactor: shift / resolved.divisor).run(dots: dots)
        let stats = AttentionEngine.statistics(
            out.moments, jacobianMedian: out.jacobianMedian, params: resolved, mask: mask, generated: false)
        let entropy = stats.entropyNormalizedMean, maxWeight = stats.maxWeightMean
        guard entropy.isFinite, maxWeight.isFinite else { return .notFinite }
        return HeadSummary(
            entropyNormalizedMean: entropy, maxWeightMean: maxWeight, regime: stats.regime,
            thumbnail: thumbnail(of: out.weights, side: thumbnailSide), stats: stats)
    }

    /// Per layer, the mean over its heads of `entropyNormalizedMean`: how peaked a whole layer is, for
    /// seeing what one divisor change does to every layer at once.
    public static func layerEntropyMeans(_ summaries: [[HeadSummary]]) -> [Double] {
        summaries.map { layer in
            layer.isEmpty ? 0 : layer.reduce(0) { $0 + $1.entropyNormalizedMean } / Double(layer.count)
        }
    }

    /// `weights` averaged over blocks so neither side exceeds `side` (each block covers whole
    /// rows and columns; the last block of a side may be smaller).
    static func thumbnail(of weights: Matrix, side: Int) -> Matrix {
        let rowBlock = max(1, (weights.rows + side - 1) / side)
        let colBlock = max(1, (weights.cols + side - 1) / side)
        let rows = (weights.rows + rowBlock - 1) / rowBlock
        let cols = (weights.cols + colBlock - 1) / colBlock
        var sums = [Float](repeating: 0, count: rows * cols)
        var counts = [Float](repeating: 0, count: rows * cols)
        for row in 0..<weights.rows {
            for col in 0..<weights.cols {
                let index = row / rowBlock * cols + col / colBlock
                sums[index] += weights[row, col]
                counts[index] += 1
            }
        }
        return Matrix(rows: rows, cols: cols, values: zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 })
    }

    /// A head whose values are not finite: no numbers, no picture.
    static let notFinite = HeadSummary(
        entropyNormalizedMean: 0, maxWeightMean: 0, regime: .balanced, thumbnail: Matrix(rows: 0, cols: 0),
        isFinite: false)

    /// What a head without tokens shows: nothing to attend to.
    static let empty = HeadSummary(
        entropyNormalizedMean: 0, maxWeightMean: 0, regime: .balanced, thumbnail: Matrix(rows: 0, cols: 0))
}
