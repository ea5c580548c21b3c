#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
        defer { file.close() }
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
        if let available = file.remainingBytes, overflow || available < dataBytes {
            throw file.bad(
                "truncated: the header promises \(count) values (\(dataBytes) bytes), the file holds \(available) bytes of data"
            )
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

/// An open `.npy` file read front to back with POSIX calls, so nothing is read or allocated
/// beyond what the header has been checked to allow.
private struct NPYFile {
    let path: String
    private var descriptor: Int32
    private var consumed = 0
    private let size: Int?

    init(path: String) throws(TensorFileError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .fileNotFound(path: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            closeDescriptor(descriptor)
            throw .fileNotFound(path: path)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            closeDescriptor(descriptor)
            throw .badFile(path: path, reason: "is a directory, not a .npy file")
        }
        // Pipes and devices report no useful size; a short read still catches truncation there.
        size = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    /// Bytes after those read so far, when the file's size is known.
    var remainingBytes: Int? { size.map { max(0, $0 - consumed) } }

    func bad(_ reason: String) -> TensorFileError { .badFile(path: path, reason: reason) }

    mutating func read(count: Int) throws(TensorFileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { buffer in read(into: buffer) }.get()
        return Array(bytes[0..<got])
    }

    /// Fills `buffer` unless the file ends first; returns the bytes read.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, TensorFileError> {
        var filled = 0
        while filled < buffer.count, let base = buffer.baseAddress {
            let got = readDescriptor(descriptor, base + filled, buffer.count - filled)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(bad("read failed: \(String(cString: strerror(errno)))"))
            }
            filled += got
        }
        consumed += filled
        return .success(filled)
    }

    mutating func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }
}

/// POSIX `close`, named apart from `NPYFile.close()`.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// POSIX `read`, named apart from `NPYFile.read(into:)`.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
