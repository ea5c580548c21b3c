/// Writes float32 arrays as NumPy `.npy` files (format 1.0, little-endian, C order), which
/// `numpy.load` reads back with the same shape: how attnview hands numbers to numpy.
public enum NPYWriter {
    /// The header of a `<f4` array of `shape`: magic, version, header length and the dict, padded with
    /// spaces and a newline so the data starts at a multiple of 64 bytes, as numpy writes it.
    public static func header(shape: [Int]) -> [UInt8] {
        precondition(shape.allSatisfy { $0 >= 0 }, "dimensions are not negative")
        let dimensions =
            shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var dict = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (\(dimensions)), }".utf8)
        let preamble = 10
        let padding = (64 - (preamble + dict.count + 1) % 64) % 64
        dict += [UInt8](repeating: UInt8(ascii: " "), count: padding) + [UInt8(ascii: "\n")]
        let length = UInt16(dict.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + dict
    }

    /// `values` as little-endian float32 bytes.
    public static func data(_ values: [Float]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        bytes.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        }
        return bytes
    }
}
