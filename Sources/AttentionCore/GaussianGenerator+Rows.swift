import CGaussian

extension GaussianGenerator {
    /// Writes rows `rows` × dims 0 ..< `columns` of `stream`, each normal times `scale` rounded to
    /// Float, row-major into `target` (rows.count × columns values). The entries are exactly those
    /// of `normal(_:row:dim:)`; this computes eight rows per vector instead of one.
    public func fill(
        _ stream: Stream, rows: Range<Int>, columns: Int, scale: Double, into target: UnsafeMutablePointer<Float>
    ) {
        attn_gaussian_fill(key(stream), Int64(rows.lowerBound), Int64(rows.count), Int64(columns), scale, target)
    }
}

extension GaussianGenerator {
    /// Writes rows `rows` × dims 0 ..< `columns` of `stream` from the single-precision generator,
    /// each normal times `scale`, row-major into `target`. It draws other numbers than `fill`, at
    /// about half the cost: the training lab draws a fresh batch of tokens every step.
    ///
    /// Entry (row, dim) takes two 32-bit words from Wellons' lowbias32 hash h: with
    /// r₁ = h(h(row ^ key_lo) ^ (row ≫ 32) ^ key_hi), r₂ = h(r₁ ^ 0x68E31DA4) and the pair p = ⌊dim/2⌋,
    /// w₁ = h(r₁ ^ h(p ^ 0x1B873593)) and w₂ = h(r₂ ^ h(p ^ 0xCC9E2D51)); then u₁ = (⌊w₁/2⁸⌋ + 1)·2⁻²⁴,
    /// t = ⌊w₂/2⁸⌋·2⁻²⁴ and Box–Muller in Float: √(−2 ln u₁)·cos 2πt (even dims) or sin 2πt (odd).
    public func fillSingle(
        _ stream: Stream, rows: Range<Int>, columns: Int, scale: Float, into target: UnsafeMutablePointer<Float>
    ) {
        attn_gaussian_fill_single(
            key(stream), Int64(rows.lowerBound), Int64(rows.count), Int64(columns), scale, target)
    }
}
