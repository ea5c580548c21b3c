import AttentionCore
import Dispatch
import TensorFiles

/// A matrix pooled to a heatmap's pixels: the mean of the unmasked entries of each block, or nil
/// where the whole block is masked.
struct PooledMatrix {
    let rows: Int
    let cols: Int
    let values: [Float]
    let visible: [Bool]

    init(_ matrix: Matrix, mask: Mask, pool: Int) {
        let pool = max(1, pool)
        rows = (matrix.rows + pool - 1) / pool
        cols = (matrix.cols + pool - 1) / pool
        var sums = [Double](repeating: 0, count: rows * cols)
        var counts = [Int](repeating: 0, count: rows * cols)
        let (pooledRows, pooledCols) = (rows, cols)
        // Each pooled row is summed by one task into its own slice, so two cores share a large
        // matrix (16 M weights at n = 4096) without changing any sum.
        matrix.values.withUnsafeBufferPointer { source in
            sums.withUnsafeMutableBufferPointer { sumsBuffer in
                counts.withUnsafeMutableBufferPointer { countsBuffer in
                    let task = PoolingTask(
                        source: source, sums: sumsBuffer, counts: countsBuffer, matrixRows: matrix.rows,
                        matrixCols: matrix.cols, pooledCols: pooledCols, pool: pool, mask: mask)
                    if matrix.values.count >= Self.parallelThreshold {
                        DispatchQueue.concurrentPerform(iterations: pooledRows) { task.sumPooledRow($0) }
                    } else {
                        for pooledRow in 0..<pooledRows { task.sumPooledRow(pooledRow) }
                    }
                }
            }
        }
        // A non-finite mean (only from non-finite input) draws as 0 rather than breaking the colour scale.
        values = zip(sums, counts).map { sum, count in
            let mean = count > 0 ? Float(sum / Double(count)) : 0
            return mean.isFinite ? mean : 0
        }
        visible = counts.map { $0 > 0 }
    }

    /// Below this many entries one thread pools the whole matrix.
    static let parallelThreshold = 1 << 20

    /// The pooled value at (row, col), nil when masked.
    subscript(row: Int, col: Int) -> Float? {
        let index = row * cols + col
        return visible[index] ? values[index] : nil
    }

    /// Largest absolute visible value (1 when there is none), the logit colour scale's half range.
    var largestMagnitude: Float {
        var largest: Float = 0
        for (value, shown) in zip(values, visible) where shown { largest = max(largest, abs(value)) }
        return largest > 0 ? largest : 1
    }
}

/// Sums one pooled row's blocks: the matrix rows it covers, each block along a row at a time
/// with four accumulators (one division per block, not per entry).
private struct PoolingTask: @unchecked Sendable {
    let source: UnsafeBufferPointer<Float>
    let sums: UnsafeMutableBufferPointer<Double>
    let counts: UnsafeMutableBufferPointer<Int>
    let matrixRows: Int
    let matrixCols: Int
    let pooledCols: Int
    let pool: Int
    let mask: Mask

    func sumPooledRow(_ pooledRow: Int) {
        let target = pooledRow * pooledCols
        for row in (pooledRow * pool)..<min(matrixRows, (pooledRow + 1) * pool) {
            let keys = mask.visibleKeys(row: row).clamped(to: 0..<matrixCols)
            let base = row * matrixCols
            var start = keys.lowerBound
            while start < keys.upperBound {
                let block = start / pool
                let end = min((block + 1) * pool, keys.upperBound)
                sums[target + block] += Double(Self.sum(source, from: base + start, to: base + end))
                counts[target + block] += end - start
                start = end
            }
        }
    }

    /// Σ source[from..<to] with four independent partial sums, so the adds pipeline.
    private static func sum(_ source: UnsafeBufferPointer<Float>, from: Int, to: Int) -> Float {
        var (a, b, c, d): (Float, Float, Float, Float) = (0, 0, 0, 0)
        var index = from
        while index + 4 <= to {
            a += source[index]
            b += source[index + 1]
            c += source[index + 2]
            d += source[index + 3]
            index += 4
        }
        while index < to {
            a += source[index]
            index += 1
        }
        return (a + b) + (c + d)
    }
}
