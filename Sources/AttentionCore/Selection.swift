/// Order statistics without a full sort: the median of the per-row gradients costs O(n), not
/// O(n log n), so it fits in the softmax pass's budget.
enum Selection {
    /// The median of `values` (the mean of the two middle values for an even count); nil when
    /// empty. Reorders `values`.
    static func median(_ values: inout [Double]) -> Double? {
        let count = values.count
        guard count > 0 else { return nil }
        let upper = select(&values, rank: count / 2)
        guard count % 2 == 0 else { return upper }
        // After selecting rank count/2, everything before it is ≤ it: the lower middle is their maximum.
        let lower = values[0..<(count / 2)].max() ?? upper
        return (lower + upper) / 2
    }

    /// The value of rank `rank` (0-based) in ascending order; afterwards values[..<rank] ≤ it ≤
    /// values[(rank+1)...]. Hoare partitioning around the median of three, iterative.
    static func select(_ values: inout [Double], rank: Int) -> Double {
        precondition(values.indices.contains(rank), "rank \(rank) outside 0..<\(values.count)")
        var low = 0, high = values.count - 1
        values.withUnsafeMutableBufferPointer { v in
            while low < high {
                let middle = low + (high - low) / 2
                if v[middle] < v[low] { v.swapAt(middle, low) }
                if v[high] < v[low] { v.swapAt(high, low) }
                if v[high] < v[middle] { v.swapAt(high, middle) }
                let pivot = v[middle]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while pivot < v[j] { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if rank <= j {
                    high = j
                } else if rank >= i {
                    low = i
                } else {
                    break
                }
            }
        }
        return values[rank]
    }
}
