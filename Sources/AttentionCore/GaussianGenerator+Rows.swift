extension GaussianGenerator {
    /// Writes rows `rows` × dims 0 ..< `columns` of `stream`, each normal times `scale` rounded to
    /// Float, row-major into `target` (rows.count × columns values). The entries are exactly those
    /// of `normal(_:row:dim:)`; this computes eight rows per vector instead of one.
    public func fill(
        _ stream: Stream, rows: Range<Int>, columns: Int, scale: Double, into target: UnsafeMutablePointer<Float>
    ) {
        let key = key(stream)
        for first in stride(from: rows.lowerBound, to: rows.upperBound, by: 8) {
            let lanes = min(8, rows.upperBound - first)
            let base = target + (first - rows.lowerBound) * columns
            for pair in 0..<((columns + 1) >> 1) {
                let normals = normalPairs(key: key, firstRow: first, pairIndex: pair)
                let even = SIMD8<Float>(scale * normals.even), odd = SIMD8<Float>(scale * normals.odd)
                let column = 2 * pair
                for lane in 0..<lanes {
                    base[lane * columns + column] = even[lane]
                    if column + 1 < columns { base[lane * columns + column + 1] = odd[lane] }
                }
            }
        }
    }
}
