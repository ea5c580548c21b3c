/// One pass over many Floats that the compiler turns into vector code: the largest magnitude, as a
/// bit pattern. For finite values bit patterns (sign cleared) order like the magnitudes; NaN and
/// infinity have the largest patterns of all, so one comparison tells whether any is present.
enum FloatScan {
    /// The bit pattern of infinity's magnitude: patterns at or above it are not finite.
    static let infinityBits: UInt32 = 0x7F80_0000

    /// max over `values` of the bit pattern with the sign cleared (0 when empty).
    static func largestMagnitudeBits(_ values: UnsafeBufferPointer<Float>) -> UInt32 {
        values.withMemoryRebound(to: UInt32.self) { words in
            var largest: UInt32 = 0
            for word in words { largest = max(largest, word & 0x7FFF_FFFF) }
            return largest
        }
    }
}
