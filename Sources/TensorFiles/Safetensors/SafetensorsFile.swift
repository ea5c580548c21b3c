/// A safetensors file (8-byte little-endian header length, JSON header, data), memory-mapped.
///
/// Opening checks the header length against the file and every entry's offsets against the data,
/// before anything but the header is touched; `floats(named:)` then decodes one tensor to Float.
public struct SafetensorsFile: Sendable {
    /// The mapped file.
    public let file: MappedFile
    /// Every tensor's dtype, shape and offsets.
    public let header: SafetensorsHeader
    /// Byte offset of the data section in the file.
    private let dataStart: Int

    /// Maps and checks the file at `path`.
    public init(path: String) throws(TensorFileError) {
        try self.init(file: MappedFile(path: path))
    }

    /// Checks an already mapped file.
    public init(file: MappedFile) throws(TensorFileError) {
        self.file = file
        let bytes = file.bytes
        func bad(_ reason: String) -> TensorFileError { .badFile(path: file.path, reason: reason) }
        guard bytes.count >= 8 else {
            throw bad("too short to be a safetensors file (\(bytes.count) bytes; the header length alone takes 8)")
        }
        let length = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard length <= UInt64(bytes.count - 8) else {
            throw bad("header length \(length) runs past the end of the \(bytes.count)-byte file")
        }
        guard length <= UInt64(SafetensorsHeader.maxHeaderBytes) else {
            throw bad("header of \(length) bytes is implausibly long")
        }
        dataStart = 8 + Int(length)
        do {
            header = try SafetensorsHeader(
                json: UnsafeRawBufferPointer(rebasing: bytes[8..<dataStart]), dataBytes: bytes.count - dataStart)
        } catch {
            switch error {
            case let .file(reason): throw bad(reason)
            case let .tensor(name, reason): throw .badTensor(path: file.path, tensor: name, reason: reason)
            }
        }
    }

    /// The path the file was opened from.
    public var path: String { file.path }

    /// The tensor `name` as Float values: float32 viewed in place where aligned, float16, bfloat16
    /// and float64 converted. Throws `.missingTensor`, or `.badTensor` for a non-float dtype or a
    /// NaN or infinite value.
    public func floats(named name: String) throws(TensorFileError) -> FloatTensor {
        guard let entry = header.entries[name] else { throw .missingTensor(path: path, tensor: name) }
        guard entry.dtype.isDecodable else {
            throw .badTensor(
                path: path, tensor: name,
                reason: "dtype \(entry.dtype.rawValue) is not a float type (attnview reads F32, F16, BF16 and F64)")
        }
        let start = dataStart + entry.offsets.lowerBound
        let raw = UnsafeRawBufferPointer(rebasing: file.bytes[start..<(dataStart + entry.offsets.upperBound)])
        let count = entry.offsets.count / entry.dtype.byteCount
        if entry.dtype == .f32, let base = raw.baseAddress, Int(bitPattern: base) % MemoryLayout<Float>.alignment == 0 {
            let pointer = base.assumingMemoryBound(to: Float.self)
            if let bad = Self.firstNonFinite(UnsafeBufferPointer(start: pointer, count: count)) {
                throw nonFinite(name, at: bad, shape: entry.shape)
            }
            return FloatTensor(shape: entry.shape, mappedIn: file, at: pointer)
        }
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let value = Float(entry.dtype.value(in: raw, at: index * entry.dtype.byteCount))
            guard value.isFinite else { throw nonFinite(name, at: index, shape: entry.shape) }
            values[index] = value
        }
        return FloatTensor(shape: entry.shape, values: values)
    }

    /// The index of the first NaN or infinity, if any. Every weight passes through here, so the
    /// common all-finite case is one vectorised pass: x − x is 0 for finite x and NaN otherwise,
    /// and a NaN stays in the running sum.
    private static func firstNonFinite(_ values: UnsafeBufferPointer<Float>) -> Int? {
        guard let base = values.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var even = SIMD16<Float>(), odd = SIMD16<Float>()
        var index = 0
        while index + 32 <= values.count {
            let a = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            let b = raw.loadUnaligned(fromByteOffset: index * 4 + 64, as: SIMD16<Float>.self)
            even += a - a
            odd += b - b
            index += 32
        }
        var tail = Float(0)
        while index < values.count {
            tail += values[index] - values[index]
            index += 1
        }
        guard ((even + odd).sum() + tail).isNaN else { return nil }
        return values.firstIndex { !$0.isFinite }
    }

    private func nonFinite(_ name: String, at index: Int, shape: [Int]) -> TensorFileError {
        var position: [Int] = []
        var rest = index
        for size in shape.reversed() where size > 0 {
            position.insert(rest % size, at: 0)
            rest /= size
        }
        return .badTensor(path: path, tensor: name, reason: "holds NaN or infinity at \(position) (0-based)")
    }
}
