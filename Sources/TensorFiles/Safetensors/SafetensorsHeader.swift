import Foundation

/// Where one tensor lives in a safetensors file's data section, checked against its dtype and shape.
public struct SafetensorsEntry: Equatable, Sendable {
    /// The element type.
    public let dtype: SafetensorsDType
    /// The dimensions, outermost first.
    public let shape: [Int]
    /// Byte range inside the data section (after the header).
    public let offsets: Range<Int>
}

/// The JSON header of a safetensors file: every tensor's dtype, shape and byte range.
///
/// Parsed from untrusted bytes: each entry's offsets must lie inside the data section and span
/// exactly elements × dtype size, so reading a tensor later needs no further checks.
public struct SafetensorsHeader: Sendable {
    /// Headers longer than this are refused before they are read (the reference implementation's limit).
    public static let maxHeaderBytes = 100_000_000
    /// Tensors by name; `__metadata__` is not a tensor and is left out.
    public let entries: [String: SafetensorsEntry]

    /// Parses `json` (the header text) for a data section of `dataBytes` bytes. Throws a reason in
    /// words, or the name of the tensor at fault with the reason.
    public init(json: UnsafeRawBufferPointer, dataBytes: Int) throws(SafetensorsHeaderFailure) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json), options: [])
        } catch {
            throw .file("header is not JSON")
        }
        guard let dictionary = object as? [String: Any] else { throw .file("header is not a JSON object") }
        var entries: [String: SafetensorsEntry] = [:]
        // In name order, so a file with several bad entries always reports the same one.
        for name in dictionary.keys.sorted() where name != "__metadata__" {
            entries[name] = try Self.entry(dictionary[name] as Any, dataBytes: dataBytes, name: name)
        }
        self.entries = entries
    }

    private static func entry(_ value: Any, dataBytes: Int, name: String) throws(SafetensorsHeaderFailure)
        -> SafetensorsEntry
    {
        func failure(_ reason: String) -> SafetensorsHeaderFailure { .tensor(name: name, reason: reason) }
        guard let fields = value as? [String: Any] else { throw failure("entry is not a JSON object") }
        guard let dtypeName = fields["dtype"] as? String else { throw failure("no dtype") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw failure("unsupported dtype '\(dtypeName)'")
        }
        guard let shapeItems = fields["shape"] as? [Any] else { throw failure("no shape list") }
        var shape: [Int] = []
        var elements = 1
        for item in shapeItems {
            guard let size = nonNegativeInteger(item) else {
                throw failure("shape is not a list of non-negative integers")
            }
            let (product, overflow) = elements.multipliedReportingOverflow(by: size)
            guard !overflow else { throw failure("shape \(shape + [size]) is too large") }
            shape.append(size)
            elements = product
        }
        guard let pair = fields["data_offsets"] as? [Any], pair.count == 2,
            let begin = nonNegativeInteger(pair[0]), let end = nonNegativeInteger(pair[1])
        else { throw failure("data_offsets is not a pair of byte offsets") }
        guard begin <= end, end <= dataBytes else {
            throw failure("data_offsets [\(begin), \(end)] lie outside the \(dataBytes) bytes of data")
        }
        let (bytes, overflow) = elements.multipliedReportingOverflow(by: dtype.byteCount)
        guard !overflow, bytes == end - begin else {
            throw failure(
                "data_offsets span \(end - begin) bytes but \(dtypeName) × \(shape) needs \(overflow ? "more" : "\(bytes)")"
            )
        }
        return SafetensorsEntry(dtype: dtype, shape: shape, offsets: begin..<end)
    }

    /// A JSON number that is a whole number ≥ 0 fitting Int; nil for anything else.
    private static func nonNegativeInteger(_ value: Any) -> Int? {
        guard let integer = value as? Int, integer >= 0 else { return nil }
        return integer
    }
}

/// Why a header was refused: the whole file, or one tensor by name.
public enum SafetensorsHeaderFailure: Error, Equatable {
    /// The header as a whole (not JSON, not an object).
    case file(String)
    /// One entry, by tensor name.
    case tensor(name: String, reason: String)
}
