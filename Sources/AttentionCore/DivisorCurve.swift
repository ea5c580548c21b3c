import Dispatch
import Foundation

extension AttentionEngine {
    /// Entry evaluations (rows × keys × points) the curve may spend; above it rows are subsampled.
    static let curveBudget = 1 << 19

    /// Normalized entropy and score-gradient against s = √d_k · 2^x for x in ±`octaves`
    /// (`points` evenly spaced values), on the current inputs from the cached QKᵀ (no new matmul
    /// once `compute` has run for `params`). For speed it uses at most curveBudget / (m · points)
    /// evenly spaced rows (all rows up to n = 81 at m = 256 and 25 points).
    public func divisorCurve(_ params: AttentionParams, octaves: Double = 3, points: Int = 25)
        throws(AttentionError) -> [DivisorCurvePoint]
    {
        guard points > 0 else { return [] }
        let (resolved, inputs) = try prepare(params)
        let dots = dotProducts.dots(resolved.dk, inputs: inputs)
        let mask = Mask(n: resolved.n, m: resolved.m, causal: resolved.causal)
        let sample = CurveSample(dots: dots, n: resolved.n, m: resolved.m, mask: mask, points: points)
        let root = Double(resolved.dk).squareRoot()
        let shift = Double(sign: .plus, exponent: inputs.exponentShift, significand: 1)
        let exponents = (0..<points).map { points == 1 ? 0 : -octaves + 2 * octaves * Double($0) / Double(points - 1) }
        var results = [(Double, Double, Double)](repeating: (0, 0, 0), count: points)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            let body = { @Sendable (index: Int) in
                let divisor = root * pow(2, exponents[index])
                out.pointer?[index] = sample.evaluate(logitFactor: shift / divisor, divisor: divisor)
            }
            // Small curves finish before a second thread would have started.
            if sample.shifted.count * points < SoftmaxKernel.parallelThreshold {
                for index in 0..<points { body(index) }
            } else {
                DispatchQueue.concurrentPerform(iterations: points, execute: body)
            }
        }
        return (0..<points).map { index in
            DivisorCurvePoint(
                octaves: exponents[index], divisor: root * pow(2, exponents[index]),
                entropyNormalizedMean: results[index].0, scoreGradMean: results[index].1,
                jacobianFroMean: results[index].2)
        }
    }
}

/// The sampled rows of QKᵀ, each shifted by its maximum (which no positive divisor moves).
private struct CurveSample: Sendable {
    /// dot − max(row dots), row after row.
    let shifted: [Double]
    /// Start of each sampled row in `shifted`, plus the end.
    let offsets: [Int]

    init(dots: [Float], n: Int, m: Int, mask: Mask, points: Int) {
        let rowCount = min(n, max(1, AttentionEngine.curveBudget / max(1, m * points)))
        var shifted: [Double] = []
        var offsets = [0]
        for k in 0..<rowCount {
            let row = k * n / rowCount
            let visible = mask.visibleKeys(row: row).count
            guard visible > 0 else { continue }
            let values = dots[(row * m)..<(row * m + visible)].map(Double.init)
            let top = values.max() ?? 0
            shifted.append(contentsOf: values.map { $0 - top })
            offsets.append(shifted.count)
        }
        self.shifted = shifted
        self.offsets = offsets
    }

    /// (mean normalized entropy over rows with > 1 key, mean ‖J‖_F / s, mean ‖J‖_F) at one divisor.
    func evaluate(logitFactor: Double, divisor: Double) -> (Double, Double, Double) {
        var normalizedSum = 0.0, choiceRows = 0, jacobianSum = 0.0
        shifted.withUnsafeBufferPointer { values in
            for row in 0..<(offsets.count - 1) {
                var sums = SoftmaxRowSums()
                for j in offsets[row]..<offsets[row + 1] {
                    let x = values[j] * logitFactor
                    sums.add(shift: x, exp: Foundation.exp(x))
                }
                let keys = offsets[row + 1] - offsets[row]
                if keys > 1 {
                    normalizedSum += sums.entropy / Foundation.log(Double(keys))
                    choiceRows += 1
                }
                jacobianSum += sums.jacobianFro
            }
        }
        let rows = Double(max(1, offsets.count - 1))
        return (
            choiceRows > 0 ? normalizedSum / Double(choiceRows) : 0, jacobianSum / rows / divisor, jacobianSum / rows
        )
    }
}
