import Dispatch
import TensorFiles

/// Q and K in one of two layouts. Generated inputs are stored dimension-major (d × n and d × m,
/// one row per dimension), so growing d_k appends rows and never moves the dimensions already
/// computed. File inputs keep the row-major layout they were read in (n × d, m × d): their d is
/// fixed, and `sgemm` reads the first d_k columns in place, so there is no transpose to pay for.
struct AttentionInputs {
    /// How `queries` and `keys` are laid out.
    enum Layout: Equatable {
        /// Qᵀ (dims × n) and Kᵀ (dims × m), row-major.
        case dimensionMajor
        /// Q (n × dims) and K (m × dims), row-major.
        case rowMajor
    }

    let n: Int
    let m: Int
    /// Dimensions held now.
    private(set) var dims: Int
    let layout: Layout
    /// Q's values in `layout`.
    private(set) var queries: [Float]
    /// K's values in `layout`.
    private(set) var keys: [Float]
    /// The stored values are the true ones times 2^-exponentShift (exact power-of-two scaling),
    /// so file inputs of any finite magnitude give finite Float dot products.
    let exponentShift: Int
    /// Whether every value of Q and K is finite; fixed inputs may hold NaN or ±infinity (a model whose
    /// weights overflow), and nothing computed from them is a valid picture.
    let isFinite: Bool
    /// How to make more dimensions; nil for fixed inputs (files, matrices).
    private let recipe: GeneratedRecipe?

    /// Seeded Gaussian inputs with `dims` dimensions, extendable with `grow(to:)`.
    init(generated recipe: GeneratedRecipe, dims: Int) {
        n = recipe.n
        m = recipe.m
        self.dims = 0
        layout = .dimensionMajor
        queries = []
        keys = []
        exponentShift = 0
        isFinite = true
        self.recipe = recipe
        grow(to: dims)
    }

    /// Fixed inputs from row-major Q (n × d) and K (m × d) with equal d, kept in that layout.
    init(queries q: Matrix, keys k: Matrix) {
        precondition(q.cols == k.cols, "Q and K need the same number of columns")
        n = q.rows
        m = k.rows
        dims = q.cols
        layout = .rowMajor
        recipe = nil
        let qShift = Self.normalisingShift(q.values)
        let kShift = Self.normalisingShift(k.values)
        exponentShift = qShift + kShift
        isFinite = Self.isFinite(q.values) && Self.isFinite(k.values)
        queries = Self.scaled(q.values, byPowerOfTwo: -qShift)
        keys = Self.scaled(k.values, byPowerOfTwo: -kShift)
    }

    /// Generated dimensions kept beyond the d_k in use, at most (4 MB of floats): enough to step
    /// d_k back up without regenerating at small sizes, while d_k 65 536 and back to 256 gives
    /// the rest of the memory back. Regenerated dimensions are bit-identical (seeded per dimension).
    static let spareBudgetFloats = 1 << 20

    /// How many floats Q and K hold now.
    var storedFloats: Int { queries.count + keys.count }

    /// Drops generated dimensions beyond `target` when they hold more than `spareBudgetFloats`
    /// (fixed inputs keep everything: they cannot be made again).
    mutating func trimSpare(keeping target: Int) {
        guard recipe != nil, target < dims, (dims - target) * (n + m) > Self.spareBudgetFloats else { return }
        queries = Array(queries[..<(target * n)])
        keys = Array(keys[..<(target * m)])
        dims = target
    }

    /// Whether `grow(to:)` can add dimensions.
    var isExtendable: Bool { recipe != nil }

    /// Makes sure at least `target` dimensions exist (generated inputs only).
    mutating func grow(to target: Int) {
        guard let recipe, target > dims else { return }
        let start = dims
        queries = Self.extended(queries, to: target * n)
        keys = Self.extended(keys, to: target * m)
        queries.withUnsafeMutableBufferPointer { q in
            keys.withUnsafeMutableBufferPointer { k in
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

    /// Entries up to this magnitude (and down to its inverse) are used as they are: with d ≤ 2^16,
    /// every Float dot product of them is below 2^56, far from overflow, and far above underflow.
    static let unscaledMagnitude: Float = 0x1p20

    /// 0 when max|x| is within [2^-20, 2^20] (or all zero); otherwise the power of two e with
    /// max|x|·2^-e in [0.5, 1), so that scaling by 2^-e keeps the dot products finite.
    static func normalisingShift(_ values: [Float]) -> Int {
        let largest = Float(bitPattern: largestMagnitudeBits(values))
        guard largest > 0, largest.isFinite else { return 0 }
        if largest <= unscaledMagnitude, largest >= 1 / unscaledMagnitude { return 0 }
        return Int(largest.exponent) + 1
    }

    /// Whether no value is NaN or ±infinity: their bit patterns, sign cleared, are the largest.
    static func isFinite(_ values: [Float]) -> Bool {
        largestMagnitudeBits(values) < Float.infinity.bitPattern
    }

    /// The largest magnitude as the largest bit pattern with the sign cleared: the same order for
    /// finite Floats, and a loop the compiler vectorises (Float.maximum's NaN rules stop it).
    private static func largestMagnitudeBits(_ values: [Float]) -> UInt32 {
        values.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { words in
                var largest: UInt32 = 0
                for word in words { largest = max(largest, word & 0x7FFF_FFFF) }
                return largest
            }
        }
    }

    /// `values` times 2^exponent (exact); the same array when the exponent is 0.
    private static func scaled(_ values: [Float], byPowerOfTwo exponent: Int) -> [Float] {
        guard exponent != 0 else { return values }
        let factor = Float(sign: .plus, exponent: exponent, significand: 1)
        return values.map { $0 * factor }
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
