/// Reads a 2-D NumPy `.npy` file into a row-major Float matrix.
///
/// Supported: float16/32/64 in either byte order, C or Fortran order, format versions 1.0, 2.0 and 3.0.
/// The header is checked (including the size against `maxElements`) before any data is
/// allocated, and every value must be finite and fit a Float.
public enum NPYReader {
    /// Headers longer than this are refused before being read; numpy itself refuses ones over 10 000 bytes.
    static let maxHeaderBytes = 1 << 20
    /// Largest Q or K file accepted, checked against the header before anything is allocated.
    public static let maxElements = 64 * 1024 * 1024
    /// Elements decoded per read, so a large file never needs its raw bytes in memory all at once.
    static let chunkElements = 1 << 16

    /// The matrix stored at `path`; throws `.fileNotFound` or `.badFile` naming the path.
    public static func read(path: String) throws(TensorFileError) -> Matrix {
        try read(path: path, maxElements: maxElements)
    }

    /// As `read(path:)` with a custom element limit (tests use a small one).
    static func read(path: String, maxElements: Int) throws(TensorFileError) -> Matrix {
        var file = try NPYFile(path: path)
        let header = try readHeader(of: &file, maxElements: maxElements)
        return try readValues(of: &file, header: header)
    }

    private static func readHeader(of file: inout NPYFile, maxElements: Int) throws(TensorFileError) -> NPYHeader {
        let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
        let prelude = try file.read(count: 8)
        guard prelude.count == 8, Array(prelude[0..<6]) == magic else {
            let isPrefix = Array(prelude.prefix(6)) == Array(magic.prefix(prelude.count))
            throw file.bad(isPrefix ? "too short to be a .npy file" : "not a .npy file (wrong magic bytes)")
        }
        let major = prelude[6], minor = prelude[7]
        guard (1...3).contains(major), minor == 0 else {
            throw file.bad("unsupported .npy format version \(major).\(minor) (attnview reads 1.0, 2.0 and 3.0)")
        }
        let lengthBytes = try file.read(count: major == 1 ? 2 : 4)
        guard lengthBytes.count == (major == 1 ? 2 : 4) else { throw file.bad("truncated header") }
        let headerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard headerLength <= maxHeaderBytes else {
            throw file.bad("header of \(headerLength) bytes is implausibly long")
        }
        let text = try file.read(count: headerLength)
        guard text.count == headerLength else { throw file.bad("truncated header") }
        // Versions 1 and 2 promise latin-1 (in practice ASCII); version 3 is UTF-8. The parser takes both.
        do {
            return try NPYHeader(literal: try NPYHeaderParser.parse(text), maxElements: maxElements)
        } catch {
            throw file.bad(error.reason)
        }
    }

    private static func readValues(of file: inout NPYFile, header: NPYHeader) throws(TensorFileError) -> Matrix {
        let type = header.elementType
        let count = header.elementCount
        let (dataBytes, overflow) = count.multipliedReportingOverflow(by: type.byteCount)
        let available = file.remainingBytes
        if overflow || available < dataBytes {
            throw file.bad(
                "truncated: the header promises \(count) values (\(dataBytes) bytes), "
                    + "the file holds \(available) bytes of data"
            )
        }
        if type.width == .single, !type.bigEndian, !header.fortranOrder, UInt32(1).littleEndian == 1 {
            return try readNativeFloats(of: &file, header: header)
        }
        var values = [Float](repeating: 0, count: count)
        var chunk = [UInt8](repeating: 0, count: min(count, chunkElements) * type.byteCount)
        var done = 0
        while done < count {
            let elements = min(chunkElements, count - done)
            let got = try chunk.withUnsafeMutableBytes { buffer in
                file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(elements * type.byteCount)]))
            }.get()
            guard got == elements * type.byteCount else {
                throw file.bad("truncated: the data ends after \(done + got / type.byteCount) of \(count) values")
            }
            let problem = chunk.withUnsafeBytes { raw in
                values.withUnsafeMutableBufferPointer { destination in
                    decode(raw, elements: elements, startingAt: done, header: header, into: destination)
                }
            }
            if let problem { throw file.bad(problem) }
            done += elements
        }
        return Matrix(rows: header.rows, cols: header.columns, values: values)
    }

    /// The common case, little-endian float32 in C order on a little-endian host: the bytes are the
    /// matrix, so they are read straight into its storage (no zero fill, no per-element decode) and
    /// then checked for non-finite values.
    private static func readNativeFloats(of file: inout NPYFile, header: NPYHeader) throws(TensorFileError) -> Matrix {
        let count = header.elementCount
        var outcome: Result<Int, TensorFileError> = .success(0)
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            outcome = file.read(into: UnsafeMutableRawBufferPointer(buffer))
            // Float is trivial, so a short read leaves nothing to clean up; it is reported below.
            initialized = count
        }
        let got = try outcome.get()
        guard got == count * 4 else {
            throw file.bad("truncated: the data ends after \(got / 4) of \(count) values")
        }
        if let index = values.withUnsafeBufferPointer(firstNonFinite) {
            throw file.bad(
                "value \(values[index]) at row \(index / header.columns), column \(index % header.columns) (0-based); "
                    + "inputs must be finite")
        }
        return Matrix(rows: header.rows, cols: header.columns, values: values)
    }

    /// The index of the first NaN or infinity in `values`. One pass the compiler vectorises takes the
    /// largest bit pattern with the sign cleared (NaN and infinity have the largest of all); only when
    /// it is non-finite are the values searched.
    static func firstNonFinite(_ values: UnsafeBufferPointer<Float>) -> Int? {
        let largest = values.withMemoryRebound(to: UInt32.self) { words in
            var largest: UInt32 = 0
            for word in words { largest = max(largest, word & 0x7FFF_FFFF) }
            return largest
        }
        guard largest >= Float.infinity.bitPattern else { return nil }
        return values.firstIndex { !$0.isFinite }
    }

    /// Decodes `elements` values that start at element `first` of the file into their row-major
    /// places; returns a description of the first value that is not a finite Float, if any.
    private static func decode(
        _ raw: UnsafeRawBufferPointer, elements: Int, startingAt first: Int, header: NPYHeader,
        into destination: UnsafeMutableBufferPointer<Float>
    ) -> String? {
        let type = header.elementType
        for index in 0..<elements {
            let element = first + index
            let (row, column) =
                header.fortranOrder
                ? (element % header.rows, element / header.rows)
                : (element / header.columns, element % header.columns)
            let wide = type.value(in: raw, at: index * type.byteCount)
            let value = Float(wide)
            guard value.isFinite else {
                let what = wide.isFinite ? "\(wide) (too large for float32)" : "\(wide)"
                return "value \(what) at row \(row), column \(column) (0-based); inputs must be finite"
            }
            destination[row * header.columns + column] = value
        }
        return nil
    }
}

/// An open `.npy` file read front to back, so nothing is read or allocated beyond what the header
/// has been checked to allow.
private struct NPYFile: ~Copyable {
    private let file: InputFile
    private var consumed = 0

    init(path: String) throws(TensorFileError) {
        file = try InputFile(path: path)
    }

    var path: String { file.path }

    /// Bytes after those read so far.
    var remainingBytes: Int { max(0, file.size - consumed) }

    func bad(_ reason: String) -> TensorFileError { .badFile(path: path, reason: reason) }

    mutating func read(count: Int) throws(TensorFileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { buffer in read(into: buffer) }.get()
        return Array(bytes[0..<got])
    }

    /// Fills `buffer` unless the file ends first; returns the bytes read.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, TensorFileError> {
        do throws(TensorFileError) {
            let got = try file.read(into: buffer)
            consumed += got
            return .success(got)
        } catch {
            return .failure(error)
        }
    }
}
