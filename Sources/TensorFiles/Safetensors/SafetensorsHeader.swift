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
/// Parsed from untrusted bytes and held to the format's rules: each entry's offsets lie inside the
/// data section and span exactly elements × dtype size; no name appears twice; sorted by offset, the
/// tensors cover the data exactly — no overlap, no gap, no trailing bytes. So reading a tensor later
/// needs no further checks, and no byte of a file is left unexplained.
public struct SafetensorsHeader: Sendable {
    /// Headers longer than this are refused before they are read (the reference implementation's limit).
    static let maxHeaderBytes = 100_000_000
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
        // JSON parsers keep one of two equal keys silently (which one differs); the format has one name per tensor.
        if let name = JSONObjectKeys.firstDuplicate(in: json) { throw .tensor(name: name, reason: "is named twice") }
        var entries: [String: SafetensorsEntry] = [:]
        // In name order, so a file with several bad entries always reports the same one.
        for name in dictionary.keys.sorted() where name != "__metadata__" {
            entries[name] = try Self.entry(dictionary[name] as Any, dataBytes: dataBytes, name: name)
        }
        try Self.checkCoverage(entries, dataBytes: dataBytes)
        self.entries = entries
    }

    /// Sorted by offset, each tensor starts where the one before ends, and the last ends at the end.
    private static func checkCoverage(_ entries: [String: SafetensorsEntry], dataBytes: Int)
        throws(SafetensorsHeaderFailure)
    {
        let ordered = entries.sorted {
            ($0.value.offsets.lowerBound, $0.value.offsets.upperBound, $0.key)
                < ($1.value.offsets.lowerBound, $1.value.offsets.upperBound, $1.key)
        }
        var end = 0
        var previous: (name: String, offsets: Range<Int>)?
        for (name, entry) in ordered {
            let offsets = entry.offsets
            if offsets.lowerBound < end, let previous {
                throw .tensor(
                    name: name,
                    reason: "data_offsets [\(offsets.lowerBound), \(offsets.upperBound)] overlap tensor "
                        + "'\(previous.name)' [\(previous.offsets.lowerBound), \(previous.offsets.upperBound)]")
            }
            if offsets.lowerBound > end {
                throw .tensor(
                    name: name,
                    reason: "data_offsets start at \(offsets.lowerBound), leaving bytes \(end)..<\(offsets.lowerBound) "
                        + "to no tensor (the format allows no gaps)")
            }
            end = offsets.upperBound
            if !offsets.isEmpty { previous = (name, offsets) }
        }
        guard end == dataBytes else {
            throw .file("\(dataBytes - end) bytes of data after the last tensor (the format allows none)")
        }
    }

    private static func entry(_ value: Any, dataBytes: Int, name: String) throws(SafetensorsHeaderFailure)
        -> SafetensorsEntry
    {
        func failure(_ reason: String) -> SafetensorsHeaderFailure { .tensor(name: name, reason: reason) }
        guard let fields = value as? [String: Any] else { throw failure("entry is not a JSON object") }
        guard let dtypeName = fields["dtype"] as? String else { throw failure("no dtype") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw failure("unsupported dtype '\(VisibleControls.escaped(dtypeName))'")
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
                "data_offsets span \(end - begin) bytes but \(dtypeName) × \(shape) needs "
                    + (overflow ? "more" : "\(bytes)")
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
