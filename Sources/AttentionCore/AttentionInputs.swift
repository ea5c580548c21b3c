import Dispatch
import TensorFiles

/// Q and K stored dimension-major (d × n and d × m, one row per dimension), so growing d_k
/// appends rows and never moves the dimensions already computed.
struct AttentionInputs {
    let n: Int
    let m: Int
    /// Dimensions held now.
    private(set) var dims: Int
    /// Qᵀ: dims × n, row-major.
    private(set) var queriesT: [Float]
    /// Kᵀ: dims × m, row-major.
    private(set) var keysT: [Float]
    /// The stored values are the true ones times 2^-exponentShift (exact power-of-two scaling),
    /// so file inputs of any finite magnitude give finite Float dot products.
    let exponentShift: Int
    /// How to make more dimensions; nil for fixed inputs (files, matrices).
    private let recipe: GeneratedRecipe?

    /// Seeded Gaussian inputs with `dims` dimensions, extendable with `grow(to:)`.
    init(generated recipe: GeneratedRecipe, dims: Int) {
        n = recipe.n
        m = recipe.m
        self.dims = 0
        queriesT = []
        keysT = []
        exponentShift = 0
        self.recipe = recipe
        grow(to: dims)
    }

    /// Fixed inputs from row-major Q (n × d) and K (m × d) with equal d.
    init(queries q: Matrix, keys k: Matrix) {
        precondition(q.cols == k.cols, "Q and K need the same number of columns")
        n = q.rows
        m = k.rows
        dims = q.cols
        recipe = nil
        let qShift = Self.normalisingShift(q.values)
        let kShift = Self.normalisingShift(k.values)
        exponentShift = qShift + kShift
        queriesT = Self.transposed(q, scaledBy: Float(sign: .plus, exponent: -qShift, significand: 1))
        keysT = Self.transposed(k, scaledBy: Float(sign: .plus, exponent: -kShift, significand: 1))
    }

    /// Whether `grow(to:)` can add dimensions.
    var isExtendable: Bool { recipe != nil }

    /// Makes sure at least `target` dimensions exist (generated inputs only).
    mutating func grow(to target: Int) {
        guard let recipe, target > dims else { return }
        let start = dims
        queriesT = Self.extended(queriesT, to: target * n)
        keysT = Self.extended(keysT, to: target * m)
        queriesT.withUnsafeMutableBufferPointer { q in
            keysT.withUnsafeMutableBufferPointer { k in
                recipe.fill(
                    queriesT: SendablePointer(q.baseAddress.map { $0 + start * n }),
                    keysT: SendablePointer(k.baseAddress.map { $0 + start * m }), dims: start..<target)
            }
        }
        dims = target
    }

    /// `values` followed by room for `count − values.count` more floats, left unzeroed because
    /// `fill` writes every one of them.
    private static func extended(_ values: [Float], to count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            values.withUnsafeBufferPointer { old in
                if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
            }
            initialized = count
        }
    }

    /// The power of two e with max|x|·2^-e in [0.5, 1) (0 for an all-zero matrix).
    private static func normalisingShift(_ values: [Float]) -> Int {
        let largest = values.reduce(Float(0)) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return 0 }
        return Int(largest.exponent) + 1
    }

    private static func transposed(_ matrix: Matrix, scaledBy factor: Float) -> [Float] {
        var out = [Float](repeating: 0, count: matrix.values.count)
        let rows = matrix.rows, cols = matrix.cols
        matrix.values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r in 0..<rows {
                    for c in 0..<cols { dst[c * rows + r] = src[r * cols + c] * factor }
                }
            }
        }
        return out
    }
}

/// What generated inputs are made from; two equal recipes give identical inputs.
struct GeneratedRecipe: Hashable, Sendable {
    let seed: UInt64
    let sigma: Double
    let rho: Double
    let n: Int
    let m: Int

    /// Below this many normals, one thread generates (spreading costs more than it saves).
    private static let parallelThreshold = 1 << 16

    /// Writes dimensions `dims` of Qᵀ and Kᵀ; the pointers point at the row of dimension `dims.lowerBound`.
    func fill(queriesT: SendablePointer<Float>, keysT: SendablePointer<Float>, dims: Range<Int>) {
        let pairs = (dims.lowerBound >> 1)..<((dims.upperBound + 1) >> 1)
        let work = pairs.count * (n + m) * 2
        let chunks = work < Self.parallelThreshold ? 1 : min(pairs.count, 8)
        let perChunk = (pairs.count + chunks - 1) / chunks
        let body = { @Sendable (chunk: Int) in
            let lower = pairs.lowerBound + chunk * perChunk
            let upper = min(pairs.upperBound, lower + perChunk)
            if lower < upper { self.fillPairs(lower..<upper, dims: dims, queriesT: queriesT, keysT: keysT) }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    private func fillPairs(
        _ pairs: Range<Int>, dims: Range<Int>, queriesT: SendablePointer<Float>, keysT: SendablePointer<Float>
    ) {
        guard let q = queriesT.pointer, let k = keysT.pointer else { return }
        let generator = GaussianGenerator(seed: seed)
        let queryKey = generator.key(.query)
        let noiseKey = generator.key(.noise)
        let aligned = min(n, m)
        let noiseWeight = (1 - rho * rho).squareRoot()
        let base = dims.lowerBound
        let rows = max(n, m)
        for pair in pairs {
            let even = 2 * pair - base, odd = even + 1
            let writeEven = dims.contains(2 * pair), writeOdd = dims.contains(2 * pair + 1)
            for first in stride(from: 0, to: rows, by: 8) {
                let zq = generator.normalPairs(key: queryKey, firstRow: first, pairIndex: pair)
                let zz = generator.normalPairs(key: noiseKey, firstRow: first, pairIndex: pair)
                let keyEven = rho * zq.even + noiseWeight * zz.even
                let keyOdd = rho * zq.odd + noiseWeight * zz.odd
                let last = first + 8
                if last <= n, last <= m, last <= aligned || first >= aligned {
                    // A whole block of rows: eight floats per store.
                    let alignedBlock = last <= aligned
                    if writeEven {
                        store(sigma * zq.even, at: q + even * n + first)
                        store(sigma * (alignedBlock ? keyEven : zz.even), at: k + even * m + first)
                    }
                    if writeOdd {
                        store(sigma * zq.odd, at: q + odd * n + first)
                        store(sigma * (alignedBlock ? keyOdd : zz.odd), at: k + odd * m + first)
                    }
                    continue
                }
                for lane in 0..<min(8, rows - first) {
                    let row = first + lane
                    if row < n {
                        if writeEven { q[even * n + row] = Float(sigma * zq.even[lane]) }
                        if writeOdd { q[odd * n + row] = Float(sigma * zq.odd[lane]) }
                    }
                    if row < m {
                        let isAligned = row < aligned
                        if writeEven { k[even * m + row] = Float(sigma * (isAligned ? keyEven[lane] : zz.even[lane])) }
                        if writeOdd { k[odd * m + row] = Float(sigma * (isAligned ? keyOdd[lane] : zz.odd[lane])) }
                    }
                }
            }
        }
    }
}

/// Rounds eight doubles to floats and writes them to `target` (which need not be aligned).
@inline(__always)
private func store(_ values: SIMD8<Double>, at target: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(target).storeBytes(of: SIMD8<Float>(values), as: SIMD8<Float>.self)
}
