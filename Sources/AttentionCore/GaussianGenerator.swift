/// Seeded standard normals where every entry is a pure function of (seed, stream, row, dim):
/// no state, so growing d_k or n extends a matrix without changing the entries it already has,
/// and the same seed gives the same bits on every machine (only IEEE +, −, ×, ÷, √ are used).
///
/// Entry (row, dim) takes the pair index c = row·2³² + ⌊dim/2⌋, draws two 64-bit words w₁, w₂
/// from a SplitMix64 stream keyed by (seed, stream) at positions 2c+1 and 2c+2, takes their top
/// 52 bits as u₁ = 1 − ⌊w₁/2¹²⌋·2⁻⁵² ∈ (0, 1] and u₂ = ⌊w₂/2¹²⌋·2⁻⁵² ∈ [0, 1), and applies
/// Box–Muller: √(−2 ln u₁)·cos(2πu₂) for even dims, √(−2 ln u₁)·sin(2πu₂) for odd dims (so each
/// pair of uniforms yields two normals).
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

    /// Eight lanes at once: the generator's whole cost is this arithmetic, and vectors of eight
    /// rows keep both SIMD units busy. Each lane's operations are exactly the scalar ones.
    typealias Lanes = SIMD8<Double>

    /// Both normals of pair `pairIndex` (dims 2·pairIndex and 2·pairIndex + 1) for rows
    /// firstRow ..< firstRow + 8.
    @inline(__always)
    func normalPairs(key: UInt64, firstRow: Int, pairIndex: Int) -> (even: Lanes, odd: Lanes) {
        let rows = SIMD8<UInt64>(repeating: UInt64(truncatingIfNeeded: firstRow)) &+ SIMD8(0, 1, 2, 3, 4, 5, 6, 7)
        let counter = rows &<< 32 | SIMD8(repeating: UInt64(truncatingIfNeeded: pairIndex))
        let position = (counter &* 2 &+ 1) &* Self.gamma &+ key
        let bits1 = Self.mix(position)
        let bits2 = Self.mix(position &+ Self.gamma)
        // u₁ = 1 − (top 52 bits)·2⁻⁵² ∈ (0, 1], built from the bits (exact, no int→double conversion).
        let u1 = 2 - unsafeBitCast(bits1 &>> 12 | Self.one, to: Lanes.self)
        let radius = (-2 * Self.log(u1)).squareRoot()
        let (cosine, sine) = Self.cosSinTurns(bits2 &>> 12)
        return (radius * cosine, radius * sine)
    }

    /// The bits of 1.0 and of √½.
    static let one: UInt64 = 0x3FF0_0000_0000_0000
    static let sqrtHalfBits: UInt64 = 0x3FE6_A09E_667F_3BCD

    /// SplitMix64's increment (the golden ratio in 64 bits).
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's output function (Stafford's "variant 13" finaliser).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        mix(SIMD8(repeating: value))[0]
    }

    @inline(__always)
    static func mix(_ value: SIMD8<UInt64>) -> SIMD8<UInt64> {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// ln x for normal x > 0 from the exponent and the atanh series of the mantissa (error < 1e-10,
    /// far below Float's rounding): written out, not libm, so every platform rounds identically.
    @inline(__always)
    static func log(_ x: Lanes) -> Lanes {
        // Shift the split point so the mantissa lands in [√½, √2) (integer ops only, as in musl).
        let shifted = unsafeBitCast(x, to: SIMD8<UInt64>.self) &+ (one &- sqrtHalfBits)
        // The exponent (x > 0, so no sign bit) as a Double through the 2⁵² magic number.
        let exponent = unsafeBitCast(shifted &>> 52 | 0x4330_0000_0000_0000, to: Lanes.self) - (0x1p52 + 1023)
        let mantissa = unsafeBitCast(shifted & 0x000F_FFFF_FFFF_FFFF &+ sqrtHalfBits, to: Lanes.self)
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series = Lanes(repeating: 1.0 / 13)
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

    /// (cos 2πt, sin 2πt) for t = r·2⁻⁵², r < 2⁵²: the reduction to the nearest quarter turn is
    /// done exactly on the integer, then Taylor series on [−π/4, π/4] (error < 1e-11).
    @inline(__always)
    static func cosSinTurns(_ r: SIMD8<UInt64>) -> (Lanes, Lanes) {
        let shifted = r &+ (1 << 49)
        let quadrant = (shifted &>> 50) & 3
        // The offset from that quarter turn, in quarter turns: [0, 1) from 50 bits, minus 0.5.
        let offset = unsafeBitCast((shifted & ((1 << 50) - 1)) &<< 2 | one, to: Lanes.self) - 1.5
        let theta = offset * 1.570_796_326_794_896_6
        let t2 = theta * theta
        var sine = Lanes(repeating: -1.0 / 39_916_800)
        sine = sine * t2 + 1.0 / 362_880
        sine = sine * t2 - 1.0 / 5040
        sine = sine * t2 + 1.0 / 120
        sine = sine * t2 - 1.0 / 6
        sine = (sine * t2 + 1) * theta
        var cosine = Lanes(repeating: 1.0 / 479_001_600)
        cosine = cosine * t2 - 1.0 / 3_628_800
        cosine = cosine * t2 + 1.0 / 40320
        cosine = cosine * t2 - 1.0 / 720
        cosine = cosine * t2 + 1.0 / 24
        cosine = cosine * t2 - 0.5
        cosine = cosine * t2 + 1
        // Quadrants 1 and 3 swap cosine and sine; 1, 2 negate the cosine; 2, 3 the sine. Done on
        // the bits (select by mask, flip the sign bit), which is exact and stays vectorised.
        let cosBits = unsafeBitCast(cosine, to: SIMD8<UInt64>.self)
        let sinBits = unsafeBitCast(sine, to: SIMD8<UInt64>.self)
        let swap = 0 &- (quadrant & 1)
        let c = unsafeBitCast((cosBits & ~swap | sinBits & swap) ^ ((quadrant &+ 1) &>> 1 & 1) &<< 63, to: Lanes.self)
        let s = unsafeBitCast((sinBits & ~swap | cosBits & swap) ^ (quadrant &>> 1 & 1) &<< 63, to: Lanes.self)
        return (c, s)
    }
}
