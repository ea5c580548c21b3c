import AttentionCore

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
        let pooledCols = cols
        // Block by block along each row: one division per block, not per entry, which keeps a
        // 4096 × 4096 matrix at a few milliseconds.
        matrix.values.withUnsafeBufferPointer { source in
            for row in 0..<matrix.rows {
                let keys = mask.visibleKeys(row: row).clamped(to: 0..<matrix.cols)
                let base = row * matrix.cols
                let target = row / pool * pooledCols
                var start = keys.lowerBound
                while start < keys.upperBound {
                    let block = start / pool
                    let end = min((block + 1) * pool, keys.upperBound)
                    var sum: Float = 0
                    for col in start..<end { sum += source[base + col] }
                    sums[target + block] += Double(sum)
                    counts[target + block] += end - start
                    start = end
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
