import Dispatch
import Foundation
import TensorFiles

/// Turns raw dot products into logits, weights and the per-row sums behind every statistic,
/// in Double, one row at a time with O(m) formulas (one `exp` per entry, one `log` per row).
struct SoftmaxKernel {
    let n: Int
    let m: Int
    let mask: Mask
    /// Multiplies a raw dot product into a logit: 2^exponentShift / s.
    let logitFactor: Double

    /// Rows per block: blocks are summed in a fixed order, so results do not depend on threads.
    static let blockRows = 32
    /// Below this many entries one thread does all rows.
    static let parallelThreshold = 1 << 15

    struct Output {
        var logits: Matrix
        var weights: Matrix
        var rowEntropy: [Double]
        var moments: RowMoments
    }

    func run(dots: [Float]) -> Output {
        var logits = [Float](repeating: -.infinity, count: n * m)
        var weights = [Float](repeating: 0, count: n * m)
        var entropy = [Double](repeating: 0, count: n)
        let blocks = (n + Self.blockRows - 1) / Self.blockRows
        var partials = [RowMoments](repeating: RowMoments(), count: blocks)
        dots.withUnsafeBufferPointer { dotsBuffer in
            let source = SendablePointer(UnsafeMutablePointer(mutating: dotsBuffer.baseAddress))
            logits.withUnsafeMutableBufferPointer { l in
                weights.withUnsafeMutableBufferPointer { w in
                    entropy.withUnsafeMutableBufferPointer { h in
                        partials.withUnsafeMutableBufferPointer { p in
                            let target = Targets(
                                dots: source, logits: SendablePointer(l.baseAddress),
                                weights: SendablePointer(w.baseAddress),
                                entropy: SendablePointer(h.baseAddress), partials: SendablePointer(p.baseAddress))
                            let body = { @Sendable (block: Int) in self.runBlock(block, target) }
                            if blocks > 1, n * m >= Self.parallelThreshold {
                                DispatchQueue.concurrentPerform(iterations: blocks, execute: body)
                            } else {
                                for block in 0..<blocks { body(block) }
                            }
                        }
                    }
                }
            }
        }
        let moments = partials.reduce(into: RowMoments()) { $0.merge($1) }
        return Output(
            logits: Matrix(rows: n, cols: m, values: logits), weights: Matrix(rows: n, cols: m, values: weights),
            rowEntropy: entropy, moments: moments)
    }

    private struct Targets: Sendable {
        let dots: SendablePointer<Float>
        let logits: SendablePointer<Float>
        let weights: SendablePointer<Float>
        let entropy: SendablePointer<Double>
        let partials: SendablePointer<RowMoments>
    }

    private func runBlock(_ block: Int, _ target: Targets) {
        guard let dots = target.dots.pointer, let logits = target.logits.pointer, let weights = target.weights.pointer,
            let entropy = target.entropy.pointer, let partials = target.partials.pointer
        else { return }
        var moments = RowMoments()
        let largest = Double(Float.greatestFiniteMagnitude)
        let factor = logitFactor
        for row in (block * Self.blockRows)..<min(n, (block + 1) * Self.blockRows) {
            let visible = mask.visibleKeys(row: row).count
            guard visible > 0 else { continue }
            let d = dots + row * m, l = logits + row * m, w = weights + row * m
            var top = -Double.infinity
            var largestAbs = 0.0
            for j in 0..<visible {
                let logit = Double(d[j]) * factor
                l[j] = Float(min(max(logit, -largest), largest))
                top = max(top, logit)
                largestAbs = max(largestAbs, abs(logit))
            }
            var sums = SoftmaxRowSums()
            var sumX = 0.0, sumX2 = 0.0
            for j in 0..<visible {
                let x = Double(d[j]) * factor - top
                let e = Foundation.exp(x)
                w[j] = Float(e)
                sums.add(shift: x, exp: e)
                sumX += x
                sumX2 += x * x
            }
            let scale = Float(1 / sums.partition)
            for j in 0..<visible { w[j] *= scale }
            let rowEntropy = sums.entropy
            entropy[row] = rowEntropy
            let count = Double(visible)
            moments.addRow(
                RowSummary(
                    keys: visible, entropy: rowEntropy, maxWeight: sums.maxWeight, jacobianFro: sums.jacobianFro,
                    logitMean: top + sumX / count, logitM2: max(0, sumX2 - sumX * sumX / count),
                    largestAbsLogit: largestAbs))
        }
        partials[block] = moments
    }
}

/// What one softmax row contributes to the statistics.
struct RowSummary {
    let keys: Int
    let entropy: Double
    let maxWeight: Double
    let jacobianFro: Double
    let logitMean: Double
    /// Sum of squared deviations of the row's logits from their mean.
    let logitM2: Double
    let largestAbsLogit: Double
}

/// Running sums over rows (with at least one visible key) and over their unmasked entries;
/// the entry moments merge with Chan's parallel formula, which stays exact under large offsets.
struct RowMoments {
    var rows = 0
    var rowsWithChoice = 0
    var entries = 0
    var logitMean = 0.0
    var logitM2 = 0.0
    var entropySum = 0.0
    var normalizedEntropySum = 0.0
    var maxWeightSum = 0.0
    var effectiveTokensSum = 0.0
    var jacobianSum = 0.0
    var largestAbsLogit = 0.0

    mutating func addRow(_ row: RowSummary) {
        rows += 1
        entropySum += row.entropy
        if row.keys > 1 {
            rowsWithChoice += 1
            normalizedEntropySum += row.entropy / Foundation.log(Double(row.keys))
        }
        maxWeightSum += row.maxWeight
        effectiveTokensSum += Foundation.exp(row.entropy)
        jacobianSum += row.jacobianFro
        largestAbsLogit = max(largestAbsLogit, row.largestAbsLogit)
        mergeEntries(count: row.keys, mean: row.logitMean, m2: row.logitM2)
    }

    mutating func merge(_ other: RowMoments) {
        rows += other.rows
        rowsWithChoice += other.rowsWithChoice
        entropySum += other.entropySum
        normalizedEntropySum += other.normalizedEntropySum
        maxWeightSum += other.maxWeightSum
        effectiveTokensSum += other.effectiveTokensSum
        jacobianSum += other.jacobianSum
        largestAbsLogit = max(largestAbsLogit, other.largestAbsLogit)
        mergeEntries(count: other.entries, mean: other.logitMean, m2: other.logitM2)
    }

    private mutating func mergeEntries(count: Int, mean: Double, m2: Double) {
        guard count > 0 else { return }
        let total = entries + count
        let delta = mean - logitMean
        logitMean += delta * Double(count) / Double(total)
        logitM2 += m2 + delta * delta * Double(entries) * Double(count) / Double(total)
        entries = total
    }
}
