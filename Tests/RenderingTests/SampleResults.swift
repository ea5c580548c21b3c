import Foundation
import AttentionCore

/// Deterministic attention results built here, so rendering tests do not depend on the engine's
/// numbers: seeded Gaussian Q and K (SplitMix64 + Box–Muller), softmax and the statistics.
enum SampleResults {
    static func make(
        n: Int = 64, m: Int? = nil, dk: Int = 64, scale: ScalePolicy = .sqrtDk, alpha: Double = 1, causal: Bool = false,
        rho: Double = 0, seed: UInt64 = 1
    ) -> AttentionResult {
        let params = AttentionParams(n: n, m: m, dk: dk, seed: seed, rho: rho, scale: scale, alpha: alpha, causal: causal)
        let m = params.m
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
        let q = (0..<(n * dk)).map { _ in normal() }
        var k = (0..<(m * dk)).map { _ in normal() }
        for i in 0..<min(n, m) { for d in 0..<dk { k[i * dk + d] = rho * q[i * dk + d] + (1 - rho * rho).squareRoot() * k[i * dk + d] } }
        let s = params.divisor
        let mask = Mask(n: n, m: m, causal: causal)
        var logits = Matrix(rows: n, cols: m, repeating: -.infinity)
        var weights = Matrix(rows: n, cols: m)
        var entropy = [Double](repeating: 0, count: n)
        var all: [Double] = []
        var normalized: [Double] = [], maxima: [Double] = [], jacobian: [Double] = []
        var logitHistogram = Histogram(lower: -4, upper: 4, bins: 64, log10Axis: false)
        var weightHistogram = Histogram(lower: -8, upper: 0, bins: 64, log10Axis: true)
        for i in 0..<n {
            let keys = mask.visibleKeys(row: i)
            var row: [Double] = []
            for j in keys {
                var dot = 0.0
                for d in 0..<dk { dot += q[i * dk + d] * k[j * dk + d] }
                row.append(dot / s)
                logits[i, j] = Float(dot / s)
            }
            all += row
            guard let top = row.max() else { continue }
            let z = row.reduce(0) { $0 + exp($1 - top) }
            let p = row.map { exp($0 - top) / z }
            for (offset, j) in keys.enumerated() { weights[i, j] = Float(p[offset]) }
            entropy[i] = -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
            if keys.count > 1 { normalized.append(entropy[i] / log(Double(keys.count))) }
            maxima.append(p.max() ?? 0)
            let sum2 = p.reduce(0) { $0 + $1 * $1 }, sum3 = p.reduce(0) { $0 + $1 * $1 * $1 }
            jacobian.append(max(0, sum2 - 2 * sum3 + sum2 * sum2).squareRoot())
            for value in row { count(value, into: &logitHistogram) }
            for value in p { count(value > 0 ? log10(value) : -.infinity, into: &weightHistogram) }
        }
        let mean = all.reduce(0, +) / Double(all.count)
        let std = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)).squareRoot()
        let average: ([Double]) -> Double = { $0.isEmpty ? 0 : $0.reduce(0, +) / Double($0.count) }
        let entropyNormalized = average(normalized)
        let stats = AttentionStatistics(
            logitMean: mean, logitStd: std, logitStdExpected: Double(dk).squareRoot() / s, entropyMean: average(entropy),
            entropyNormalizedMean: entropyNormalized, maxWeightMean: average(maxima),
            effectiveTokensMean: average(entropy.map { exp($0) }), jacobianFroMean: average(jacobian),
            scoreGradMean: average(jacobian) / s,
            regime: entropyNormalized > 0.9 ? .flat : entropyNormalized < 0.3 ? .peaked : .balanced)
        return AttentionResult(
            params: params, divisor: s, logits: logits, weights: weights, rowEntropy: entropy, stats: stats,
            logitHistogram: logitHistogram, weightHistogram: weightHistogram)
    }

    /// A plausible divisor curve: entropy rising with the divisor, the gradient peaking near √d_k.
    static func curve() -> [DivisorCurvePoint] {
        (0..<25).map { index in
            let octaves = -3 + Double(index) / 4
            return DivisorCurvePoint(
                octaves: octaves, divisor: 8 * pow(2, octaves), entropyNormalizedMean: 1 / (1 + exp(-1.6 * (octaves + 0.4))),
                scoreGradMean: 0.02 * exp(-0.35 * (octaves + 0.3) * (octaves + 0.3)))
        }
    }

    private static func count(_ value: Double, into histogram: inout Histogram) {
        if value < histogram.lower {
            histogram.underflow += 1
        } else if value > histogram.upper {
            histogram.overflow += 1
        } else {
            let bin = min(histogram.counts.count - 1, Int((value - histogram.lower) / histogram.binWidth))
            histogram.counts[bin] += 1
        }
    }
}
