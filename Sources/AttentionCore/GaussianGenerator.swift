import CGaussian

/// Seeded standard normals where every entry is a pure function of (seed, stream, row, dim):
/// no state, so growing d_k or n extends a matrix without changing the entries it already has,
/// and the same seed gives the same bits on every machine (only IEEE +, −, ×, ÷, √ are used).
///
/// Entry (row, dim) takes the pair index c = row·2³² + ⌊dim/2⌋, draws two 64-bit words w₁, w₂
/// from a SplitMix64 stream keyed by (seed, stream) at positions 2c+1 and 2c+2, takes their top
/// 52 bits as u₁ = 1 − ⌊w₁/2¹²⌋·2⁻⁵² ∈ (0, 1] and u₂ = ⌊w₂/2¹²⌋·2⁻⁵² ∈ [0, 1), and applies
/// Box–Muller: √(−2 ln u₁)·cos(2πu₂) for even dims, √(−2 ln u₁)·sin(2πu₂) for odd dims (so each
/// pair of uniforms yields two normals). ln, cos and sin are polynomials of our own, not libm.
///
/// The arithmetic is the C target CGaussian: compiled for baseline x86-64, AVX2 and AVX-512 and
/// picked at run time, because Swift cannot compile one function for several CPUs.
public struct GaussianGenerator: Sendable {
    /// Independent streams of normals: the queries and the keys' fresh noise z, and the training
    /// lab's retrieval task (its tokens, query noise, initial weights and fixed probe example).
    public enum Stream: UInt64, Sendable {
        case query = 1
        case noise = 2
        case trainingTokens = 3
        case trainingQueryNoise = 4
        case trainingQueryWeights = 5
        case trainingKeyWeights = 6
        case probeTokens = 7
        case probeQueryNoise = 8
    }

    /// The seed every entry is a function of.
    public let seed: UInt64

    /// A generator for `seed`; creating one costs nothing.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The standard normal at (row, dim) of `stream`.
    public func normal(_ stream: Stream, row: Int, dim: Int) -> Double {
        let pairs = normalPairs(key: key(stream), firstRow: row, pairIndex: dim >> 1)
        return dim & 1 == 0 ? pairs.even[0] : pairs.odd[0]
    }

    /// The SplitMix64 key of `stream`: the seed and the stream number mixed twice.
    func key(_ stream: Stream) -> UInt64 {
        Self.mix(Self.mix(seed) ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
    }

    /// Eight rows at once, the width of the C kernel's vectors.
    typealias Lanes = SIMD8<Double>

    /// Both normals of pair `pairIndex` (dims 2·pairIndex and 2·pairIndex + 1) for rows
    /// firstRow ..< firstRow + 8.
    @inline(__always)
    func normalPairs(key: UInt64, firstRow: Int, pairIndex: Int) -> (even: Lanes, odd: Lanes) {
        var even = Lanes(), odd = Lanes()
        withUnsafeMutableBytes(of: &even) { evenBytes in
            withUnsafeMutableBytes(of: &odd) { oddBytes in
                attn_gaussian_pairs(
                    key, Int64(firstRow), Int64(pairIndex),
                    evenBytes.baseAddress!.assumingMemoryBound(to: Double.self),
                    oddBytes.baseAddress!.assumingMemoryBound(to: Double.self))
            }
        }
        return (even, odd)
    }

    /// SplitMix64's output function (Stafford's "variant 13" finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        attn_splitmix_mix(value)
    }
}
