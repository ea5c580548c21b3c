import Foundation

/// The sums one pass over a softmax row collects, split into the row's maxima ("top": x = 0,
/// e = 1) and the rest, from which entropy and the Jacobian norm follow without cancellation
/// even for rows within 1e-12 of one-hot. Here x = logit − max and e = exp(x).
struct SoftmaxRowSums {
    /// Entries with x = 0.
    var tops = 0
    /// Σ e, Σ e², Σ e³ over the other entries.
    var rest1 = 0.0
    var rest2 = 0.0
    var rest3 = 0.0
    /// Σ e·x over all entries (the tops add 0).
    var weightedShift = 0.0

    @inline(__always)
    mutating func add(shift x: Double, exp e: Double) {
        if x == 0 {
            tops += 1
        } else {
            rest1 += e
            let e2 = e * e
            rest2 += e2
            rest3 += e2 * e
            weightedShift += e * x
        }
    }

    /// Z = Σ e.
    var partition: Double { Double(tops) + rest1 }

    /// ln Z = log1p(Z − 1), with Z − 1 formed from the parts (exact near one-hot).
    var logPartition: Double { Foundation.log1p(Double(tops - 1) + rest1) }

    /// H = ln Z − Σ p·x.
    var entropy: Double {
        max(0, logPartition - weightedShift / partition)
    }

    /// The largest weight, 1/Z.
    var maxWeight: Double { 1 / partition }

    /// ‖diag(p) − ppᵀ‖_F. With a = 1/Z the weight of each of the t tops and S₂, S₃ the rest's
    /// Σp², Σp³: ‖·‖²_F = t·a²(1−a)² + t(t−1)·a⁴ + 2t·a²·S₂ + S₂ − 2S₃ + S₂², which is
    /// Σp² − 2Σp³ + (Σp²)² regrouped so that 1 − a = (t − 1 + Σ_rest e)/Z is never a difference.
    var jacobianFro: Double {
        let inverseZ = 1 / partition
        let a = inverseZ, oneMinusA = (Double(tops - 1) + rest1) * inverseZ
        let s2 = rest2 * inverseZ * inverseZ
        let s3 = rest3 * inverseZ * inverseZ * inverseZ
        let t = Double(tops)
        let a2 = a * a
        let square = t * a2 * oneMinusA * oneMinusA + t * (t - 1) * a2 * a2 + 2 * t * a2 * s2 + s2 - 2 * s3 + s2 * s2
        return max(0, square).squareRoot()
    }
}
