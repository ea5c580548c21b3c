/// The element types a safetensors header may name; attnview decodes the floating ones to Float.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8", bool = "BOOL"
    case f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"

    /// Bytes per element, so offsets can be checked even for tensors attnview never decodes.
    var byteCount: Int {
        switch self {
        case .f64, .i64, .u64: 8
        case .f32, .i32, .u32: 4
        case .f16, .bf16, .i16, .u16: 2
        case .i8, .u8, .bool, .f8e4m3, .f8e5m2: 1
        }
    }

    /// Whether `SafetensorsFile.floats(named:)` can decode it.
    public var isDecodable: Bool { [.f32, .f16, .bf16, .f64].contains(self) }

    /// The element at `offset` of `raw` as a Double (only for decodable types).
    func value(in raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch self {
        case .f64: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        case .f16:
            Double(
                NPYHalf.float(
                    fromBits: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))))
        case .bf16:
            Double(
                Float(
                    bitPattern: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
                        << 16))
        default:
            Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
        }
    }
}
