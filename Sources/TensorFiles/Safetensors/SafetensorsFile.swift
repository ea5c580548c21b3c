/// A safetensors file (8-byte little-endian header length, JSON header, data), read into memory.
///
/// Opening checks the header length against the file's size, then the header (every entry's offsets
/// against the data, which the tensors must cover exactly) before a byte of data is read; then the
/// data is read once. `floats(named:)` decodes one tensor to Float.
public struct SafetensorsFile: Sendable {
    /// The path it was read from, for error messages.
    public let path: String
    /// Every tensor's dtype, shape and offsets.
    public let header: SafetensorsHeader
    /// What the file was when read, so a caller can tell whether it has changed since.
    public let identity: FileIdentity
    /// The data section (after the header), which every tensor views or is decoded from.
    private let data: FileBytes

    /// Reads and checks the file at `path`.
    public init(path: String) throws(TensorFileError) {
        let file = try InputFile(path: path)
        func bad(_ reason: String) -> TensorFileError { .badFile(path: path, reason: reason) }
        let size = file.size
        guard size >= 8 else {
            throw bad("too short to be a safetensors file (\(size) bytes; the header length alone takes 8)")
        }
        let prefix = try FileBytes(reading: 8, from: file)
        let length = UInt64(littleEndian: prefix.bytes.loadUnaligned(as: UInt64.self))
        guard length <= UInt64(size - 8) else {
            throw bad("header length \(length) runs past the end of the \(size)-byte file")
        }
        guard length <= UInt64(SafetensorsHeader.maxHeaderBytes) else {
            throw bad("header of \(length) bytes is implausibly long")
        }
        let json = try FileBytes(reading: Int(length), from: file)
        let dataBytes = size - 8 - Int(length)
        do {
            header = try SafetensorsHeader(json: json.bytes, dataBytes: dataBytes)
        } catch {
            switch error {
            case let .file(reason): throw bad(reason)
            case let .tensor(name, reason): throw .badTensor(path: path, tensor: name, reason: reason)
            }
        }
        data = try FileBytes(reading: dataBytes, from: file)
        self.path = path
        identity = file.identity
    }

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
        let raw = UnsafeRawBufferPointer(rebasing: data.bytes[entry.offsets])
        let count = entry.offsets.count / entry.dtype.byteCount
        if entry.dtype == .f32, let base = raw.baseAddress, Int(bitPattern: base) % MemoryLayout<Float>.alignment == 0 {
            let pointer = base.assumingMemoryBound(to: Float.self)
            if let bad = Self.firstNonFinite(UnsafeBufferPointer(start: pointer, count: count)) {
                throw nonFinite(name, at: bad, shape: entry.shape)
            }
            return FloatTensor(shape: entry.shape, viewing: data, at: pointer)
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
