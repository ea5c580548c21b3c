/// Seeded standard normals where every entry is a pure function of (seed, stream, row, dim):
/// no state, so growing d_k or n extends a matrix without changing the entries it already has,
/// and the same seed gives the same bits on every machine (only IEEE +, −, ×, ÷, √ are used).
///
/// Entry (row, dim) takes the pair index c = row·2³² + ⌊dim/2⌋, draws two 64-bit words from a
/// SplitMix64 stream keyed by (seed, stream) at positions 2c+1 and 2c+2, turns them into
/// u₁ ∈ (0, 1] and u₂ ∈ [0, 1), and applies Box–Muller: √(−2 ln u₁)·cos(2πu₂) for even dims,
/// √(−2 ln u₁)·sin(2πu₂) for odd dims (so each pair of uniforms yields two normals).
public struct GaussianGenerator: Sendable {
    /// Independent streams of normals: the queries and the keys' fresh noise z.
    public enum Stream: UInt64, Sendable {
        case query = 1
        case noise = 2
    }

    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The standard normal at (row, dim) of `stream`.
    public func normal(_ stream: Stream, row: Int, dim: Int) -> Double {
        let pair = normalPair(key: key(stream), row: row, pairIndex: dim >> 1)
        return dim & 1 == 0 ? pair.0 : pair.1
    }

    /// The SplitMix64 key of `stream`: the seed and the stream number mixed twice.
    func key(_ stream: Stream) -> UInt64 {
        Self.mix(Self.mix(seed) ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
    }

    /// Both normals of pair `pairIndex` (dims 2·pairIndex and 2·pairIndex + 1) of `row`.
    @inline(__always)
    func normalPair(key: UInt64, row: Int, pairIndex: Int) -> (Double, Double) {
        let counter = UInt64(truncatingIfNeeded: row) << 32 | UInt64(truncatingIfNeeded: pairIndex)
        let position = key &+ (counter &* 2 &+ 1) &* Self.gamma
        let bits1 = Self.mix(position)
        let bits2 = Self.mix(position &+ Self.gamma)
        let u1 = Double((bits1 >> 11) + 1) * 0x1p-53
        let u2 = Double(bits2 >> 11) * 0x1p-53
        let radius = (-2 * Self.log(u1)).squareRoot()
        let (cosine, sine) = Self.cosSinTurns(u2)
        return (radius * cosine, radius * sine)
    }

    /// SplitMix64's increment (the golden ratio in 64 bits).
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's output function (Stafford's "variant 13" finaliser).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// ln x for normal x > 0, from the exponent and the atanh series of the mantissa:
    /// written out (not libm) so every platform rounds identically.
    @inline(__always)
    static func log(_ x: Double) -> Double {
        var exponent = Double(x.exponent)
        var mantissa = x.significand
        if mantissa > 1.414_213_562_373_095_1 {
            mantissa *= 0.5
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series = 1.0 / 21
        series = series * s2 + 1.0 / 19
        series = series * s2 + 1.0 / 17
        series = series * s2 + 1.0 / 15
        series = series * s2 + 1.0 / 13
        series = series * s2 + 1.0 / 11
        series = series * s2 + 1.0 / 9
        series = series * s2 + 1.0 / 7
        series = series * s2 + 1.0 / 5
        series = series * s2 + 1.0 / 3
        series = series * s2 + 1
        let ln2Hi = 0.693_147_180_369_123_8
        let ln2Lo = 1.908_214_929_270_587_7e-10
        return exponent * ln2Hi + (exponent * ln2Lo + 2 * s * series)
    }

    /// (cos 2πt, sin 2πt) for t ∈ [0, 1): exact reduction to a quarter turn, then Taylor series
    /// on [−π/4, π/4].
    @inline(__always)
    static func cosSinTurns(_ t: Double) -> (Double, Double) {
        let quarters = 4 * t
        let quadrant = (quarters + 0.5).rounded(.down)
        let theta = (quarters - quadrant) * 1.570_796_326_794_896_6
        let t2 = theta * theta
        var sine = 1.0 / 355_687_428_096_000
        sine = sine * t2 - 1.0 / 1_307_674_368_000
        sine = sine * t2 + 1.0 / 6_227_020_800
        sine = sine * t2 - 1.0 / 39_916_800
        sine = sine * t2 + 1.0 / 362_880
        sine = sine * t2 - 1.0 / 5040
        sine = sine * t2 + 1.0 / 120
        sine = sine * t2 - 1.0 / 6
        sine = (sine * t2 + 1) * theta
        var cosine = 1.0 / 20_922_789_888_000
        cosine = cosine * t2 - 1.0 / 87_178_291_200
        cosine = cosine * t2 + 1.0 / 479_001_600
        cosine = cosine * t2 - 1.0 / 3_628_800
        cosine = cosine * t2 + 1.0 / 40320
        cosine = cosine * t2 - 1.0 / 720
        cosine = cosine * t2 + 1.0 / 24
        cosine = cosine * t2 - 0.5
        cosine = cosine * t2 + 1
        switch Int(quadrant) & 3 {
        case 0: return (cosine, sine)
        case 1: return (-sine, cosine)
        case 2: return (-cosine, -sine)
        default: return (sine, -cosine)
        }
    }
}
