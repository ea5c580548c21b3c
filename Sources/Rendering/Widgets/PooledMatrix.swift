import AttentionCore
import Dispatch
import TensorFiles

/// A matrix pooled to a heatmap's pixels: each block's most extreme unmasked entry (the largest
/// weight, the logit farthest from 0), or nil where the whole block is masked. A mean would let
/// one-hot rows fade into pale spots; the extreme keeps every peak at its full colour.
struct PooledMatrix {
    let rows: Int
    let cols: Int
    let values: [Float]
    let visible: [Bool]

    init(_ matrix: Matrix, mask: Mask, pool: Int) {
        let pool = max(1, pool)
        rows = (matrix.rows + pool - 1) / pool
        cols = (matrix.cols + pool - 1) / pool
        var extremes = [Float](repeating: 0, count: rows * cols)
        var counts = [Int](repeating: 0, count: rows * cols)
        let (pooledRows, pooledCols) = (rows, cols)
        // Each pooled row is filled by one task into its own slice, so two cores share a large
        // matrix (16 M weights at n = 4096) without changing any value.
        matrix.values.withUnsafeBufferPointer { source in
            extremes.withUnsafeMutableBufferPointer { extremesBuffer in
                counts.withUnsafeMutableBufferPointer { countsBuffer in
                    let task = PoolingTask(
                        source: source, extremes: extremesBuffer, counts: countsBuffer, matrixRows: matrix.rows,
                        matrixCols: matrix.cols, pooledCols: pooledCols, pool: pool, mask: mask)
                    if matrix.values.count >= Self.parallelThreshold {
                        DispatchQueue.concurrentPerform(iterations: pooledRows) { task.poolRow($0) }
                    } else {
                        for pooledRow in 0..<pooledRows { task.poolRow(pooledRow) }
                    }
                }
            }
        }
        // A non-finite entry (only from non-finite input) draws as 0 rather than breaking the colour scale.
        values = extremes.map { $0.isFinite ? $0 : 0 }
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

/// Finds one pooled row's block extremes: the matrix rows it covers, each block along a row at a time.
private struct PoolingTask: @unchecked Sendable {
    let source: UnsafeBufferPointer<Float>
    let extremes: UnsafeMutableBufferPointer<Float>
    let counts: UnsafeMutableBufferPointer<Int>
    let matrixRows: Int
    let matrixCols: Int
    let pooledCols: Int
    let pool: Int
    let mask: Mask

    func poolRow(_ pooledRow: Int) {
        let target = pooledRow * pooledCols
        for row in (pooledRow * pool)..<min(matrixRows, (pooledRow + 1) * pool) {
            let keys = mask.visibleKeys(row: row).clamped(to: 0..<matrixCols)
            let base = row * matrixCols
            var start = keys.lowerBound
            while start < keys.upperBound {
                let block = start / pool
                let end = min((block + 1) * pool, keys.upperBound)
                var extreme = counts[target + block] > 0 ? extremes[target + block] : source[base + start]
                for index in (base + start)..<(base + end) where abs(source[index]) > abs(extreme) {
                    extreme = source[index]
                }
                extremes[target + block] = extreme
                counts[target + block] += end - start
                start = end
            }
        }
    }
}
