import Foundation
import TensorFiles

extension Histogram {
    /// Unmasked logits in `bins` equal bins over [−R, R], R = max |unmasked logit| (1 if that is 0),
    /// so the picture is symmetric about 0 and nothing overflows. At least one bin.
    public static func logits(_ logits: Matrix, mask: Mask, bins requested: Int) -> Histogram {
        let bins = max(1, requested)
        var range: Float = 0
        forEachVisible(logits, mask) { range = max(range, abs($0)) }
        let radius = range > 0 ? Double(range) : 1
        var histogram = Histogram(lower: -radius, upper: radius, bins: bins, log10Axis: false)
        let perUnit = Double(bins) / (2 * radius)
        histogram.counts.withUnsafeMutableBufferPointer { counts in
            forEachVisible(logits, mask) { value in
                // v + R ≥ 0 (R is the largest |v|), so truncation is the floor.
                let position = (Double(value) + radius) * perUnit
                counts[position < Double(bins) ? Int(max(position, 0)) : bins - 1] += 1
            }
        }
        return histogram
    }

    /// Unmasked weights in `bins` equal bins of log10(p) over [−8, 0]; p < 1e-8 (including 0)
    /// goes to `underflow`, p = 1 to the last bin. At least one bin.
    public static func weights(_ weights: Matrix, mask: Mask, bins requested: Int) -> Histogram {
        let bins = max(1, requested)
        var histogram = Histogram(lower: -8, upper: 0, bins: bins, log10Axis: true)
        let edges = (0...bins).map { Float(pow(10, -8 + 8 * Double($0) / Double(bins))) }
        let start = startingBins(edges: edges)
        var underflow = 0
        edges.withUnsafeBufferPointer { edge in
            start.withUnsafeBufferPointer { start in
                histogram.counts.withUnsafeMutableBufferPointer { counts in
                    forEachVisible(weights, mask) { p in
                        guard p.sign == .plus else {
                            underflow += 1
                            return
                        }
                        var index = Int(start[Int(p.bitPattern >> Self.bucketShift)])
                        while index + 1 < bins, p >= edge[index + 1] { index += 1 }
                        if index < 0 { underflow += 1 } else { counts[index] += 1 }
                    }
                }
            }
        }
        histogram.underflow = underflow
        return histogram
    }

    /// Floats are grouped by their top bits (sign, exponent, 4 mantissa bits): 1/16 of an octave.
    private static let bucketShift: UInt32 = 19

    /// For each bucket of non-negative floats, the bin of its smallest value (−1 below edge 0):
    /// a start that the exact edge comparisons in `weights` move up by at most a step or two.
    private static func startingBins(edges: [Float]) -> [Int32] {
        let buckets = 1 << (32 - Int(bucketShift) - 1)
        var start = [Int32](repeating: 0, count: buckets)
        var index = -1
        for bucket in 0..<buckets {
            let smallest = Float(bitPattern: UInt32(bucket) << bucketShift)
            while index + 1 < edges.count - 1, smallest >= edges[index + 1] { index += 1 }
            start[bucket] = Int32(index)
        }
        return start
    }

    /// Expected count per bin when `total` values are drawn from N(mean, std²): the theory curve
    /// drawn over the logit histogram.
    func normalCurve(mean: Double = 0, std: Double, total: Int) -> [Double] {
        guard std > 0, std.isFinite else { return [Double](repeating: 0, count: counts.count) }
        let cdf = { (x: Double) in 0.5 * erfc(-(x - mean) / (std * 2.0.squareRoot())) }
        return (0..<counts.count).map { index in
            let left = lower + Double(index) * binWidth
            return Double(total) * (cdf(left + binWidth) - cdf(left))
        }
    }

    private static func forEachVisible(_ matrix: Matrix, _ mask: Mask, _ body: (Float) -> Void) {
        matrix.values.withUnsafeBufferPointer { values in
            for row in 0..<matrix.rows {
                let base = row * matrix.cols
                for col in mask.visibleKeys(row: row) { body(values[base + col]) }
            }
        }
    }
}

extension AttentionResult {
    /// The logit histogram with `bins` bins (the renderer uses one bin per column).
    public func logitHistogram(bins: Int) -> Histogram {
        Histogram.logits(logits, mask: mask, bins: bins)
    }

    /// The weight histogram with `bins` bins on the log10 axis.
    public func weightHistogram(bins: Int) -> Histogram {
        Histogram.weights(weights, mask: mask, bins: bins)
    }

    /// Expected counts per bin of `histogram` (a logit histogram) under the iid theory
    /// N(0, logit_std_expected²); nil where there is no theory (file inputs).
    public func logitTheoryCurve(for histogram: Histogram) -> [Double]? {
        guard let expected = stats.logitStdExpected else { return nil }
        return histogram.normalCurve(std: expected, total: histogram.total)
    }

    /// The causal mask of these parameters.
    public var mask: Mask { Mask(n: params.n, m: params.m, causal: params.causal) }

    /// Number of entries no mask hides: what every histogram's counts add up to.
    var unmaskedCount: Int { (0..<params.n).reduce(0) { $0 + visibleKeys(row: $1).count } }
}
