import Dispatch
import Foundation

extension AttentionEngine {
    /// Entry evaluations (rows × keys × points) the curve may spend; above it rows are subsampled.
    static let curveBudget = 1 << 19

    /// Octaves either side of √d_k the curve spans by default (s from √d_k/64 to 64·√d_k).
    public static let curveOctaves = 6.0
    /// Points of the default curve: quarter octaves over ±6.
    public static let curvePoints = 49

    /// Normalized entropy, the score gradient (mean, median and max over rows) and the naive fp16
    /// verdict against s = √d_k · 2^x for x in ±`octaves` (`points` evenly spaced values), on the
    /// current inputs from the cached QKᵀ (no new matmul once `compute` has run for `params`).
    /// For speed it uses at most curveBudget / (m · points) evenly spaced rows (all rows up to
    /// n = 41 at m = 256 and 49 points); each point says how many in `sampledRows`.
    public func divisorCurve(
        _ params: AttentionParams, octaves: Double = curveOctaves, points: Int = curvePoints
    ) throws(AttentionError) -> [DivisorCurvePoint] {
        guard points > 0 else { return [] }
        let (resolved, inputs) = try prepare(params)
        let dots = dotProducts.dots(resolved.dk, inputs: inputs)
        let mask = Mask(n: resolved.n, m: resolved.m, causal: resolved.causal)
        let sample = CurveSample(dots: dots, n: resolved.n, m: resolved.m, mask: mask, points: points)
        let root = Double(resolved.dk).squareRoot()
        let shift = Double(sign: .plus, exponent: inputs.exponentShift, significand: 1)
        let exponents = (0..<points).map { points == 1 ? 0 : -octaves + 2 * octaves * Double($0) / Double(points - 1) }
        var results = [CurveSample.Point](repeating: CurveSample.Point(), count: points)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress)
            let body = { @Sendable (index: Int) in
                let divisor = root * pow(2, exponents[index])
                out.pointer?[index] = sample.evaluate(logitFactor: shift / divisor)
            }
            // Small curves finish before a second thread would have started.
            if sample.shifted.count * points < SoftmaxKernel.parallelThreshold {
                for index in 0..<points { body(index) }
            } else {
                DispatchQueue.concurrentPerform(iterations: points, execute: body)
            }
        }
        return (0..<points).map { index in
            let divisor = root * pow(2, exponents[index])
            let point = results[index]
            return DivisorCurvePoint(
                octaves: exponents[index], divisor: divisor, entropyNormalizedMean: point.entropyNormalizedMean,
                scoreGradMean: point.jacobianMean / divisor, jacobianFroMean: point.jacobianMean,
                scoreGradMedian: point.jacobianMedian / divisor, scoreGradMax: point.jacobianMax / divisor,
                unsafeRowsFP16: point.unsafeFP16, sampledRows: sample.rows)
        }
    }
}

/// The sampled rows of QKᵀ, each shifted by its maximum (which no positive divisor moves).
private struct CurveSample: Sendable {
    /// dot − max(row dots), row after row.
    let shifted: [Double]
    /// Start of each sampled row in `shifted`, plus the end.
    let offsets: [Int]
    /// Each sampled row's largest dot product: its top logit is this times the logit factor.
    let rowMaxima: [Double]

    var rows: Int { offsets.count - 1 }

    init(dots: [Float], n: Int, m: Int, mask: Mask, points: Int) {
        let rowCount = min(n, max(1, AttentionEngine.curveBudget / max(1, m * points)))
        var shifted: [Double] = []
        var offsets = [0]
        var maxima: [Double] = []
        for k in 0..<rowCount {
            let row = k * n / rowCount
            let visible = mask.visibleKeys(row: row).count
            guard visible > 0 else { continue }
            let values = dots[(row * m)..<(row * m + visible)].map(Double.init)
            let top = values.max() ?? 0
            shifted.append(contentsOf: values.map { $0 - top })
            offsets.append(shifted.count)
            maxima.append(top)
        }
        self.shifted = shifted
        self.offsets = offsets
        self.rowMaxima = maxima
    }

    /// What one divisor gives over the sampled rows (‖J‖ not yet divided by s).
    struct Point {
        var entropyNormalizedMean = 0.0
        var jacobianMean = 0.0
        var jacobianMedian = 0.0
        var jacobianMax = 0.0
        var unsafeFP16 = 0.0
    }

    func evaluate(logitFactor: Double) -> Point {
        var normalizedSum = 0.0, jacobianSum = 0.0, unsafe = 0
        var choiceJacobians: [Double] = []
        choiceJacobians.reserveCapacity(rows)
        shifted.withUnsafeBufferPointer { values in
            for row in 0..<rows {
                var sums = SoftmaxRowSums()
                for j in offsets[row]..<offsets[row + 1] {
                    let x = values[j] * logitFactor
                    sums.add(shift: x, exp: Foundation.exp(x))
                }
                let keys = offsets[row + 1] - offsets[row]
                let jacobian = sums.jacobianFro
                if keys > 1 {
                    normalizedSum += sums.entropy / Foundation.log(Double(keys))
                    choiceJacobians.append(jacobian)
                }
                jacobianSum += jacobian
                let logSumExp = rowMaxima[row] * logitFactor + sums.logPartition
                if NaiveSoftmaxRange.fp16.outcome(logSumExp: logSumExp) != .inRange { unsafe += 1 }
            }
        }
        let count = Double(max(1, rows))
        return Point(
            entropyNormalizedMean: choiceJacobians.isEmpty ? 0 : normalizedSum / Double(choiceJacobians.count),
            jacobianMean: jacobianSum / count, jacobianMedian: Selection.median(&choiceJacobians) ?? 0,
            jacobianMax: choiceJacobians.max() ?? 0, unsafeFP16: Double(unsafe) / count)
    }
}
