/// Appends JSON tokens to a byte buffer that it hands on whenever it fills up; numbers use
/// Swift's shortest round-trip spelling. The commands write their documents with it.
public struct JSONByteWriter {
    private static let bufferSize = 1 << 16
    private var bytes: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Void

    /// A writer handing its bytes to `sink` in pieces of about 64 KB.
    public init(flushingInto sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.bufferSize + 256)
    }

    /// `text` as it is: punctuation and layout between tokens.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.bufferSize { flush() }
    }

    /// Hands everything written so far to the sink.
    public mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    /// `"name": `, preceded by a comma unless it is the object's first key.
    public mutating func key(_ name: String, first: Bool = false) {
        if !first { raw(", ") }
        string(name)
        raw(": ")
    }

    /// An integer in decimal.
    public mutating func integer(_ value: Int) {
        raw(String(value))
    }

    /// A finite Double, or null for nil, NaN and infinities (which JSON cannot spell).
    public mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return raw("null") }
        raw(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description)
    }

    /// A finite Float in its shortest spelling that reads back as the same float32.
    public mutating func float(_ value: Float) {
        raw(value == value.rounded() && abs(value) < 1e7 ? String(Int32(value)) : value.description)
    }

    /// The statistics object, keys as the issue names them (`logit_std`, …), in the fixed order of
    /// `AttentionStatistics.columns`, then the regime.
    public mutating func statistics(_ stats: AttentionStatistics) {
        raw("{")
        for (index, column) in AttentionStatistics.columns.enumerated() {
            key(column.key, first: index == 0)
            number(column.value(stats))
        }
        key("regime")
        string(stats.regime.rawValue)
        raw("}")
    }

    /// A string literal, escaped.
    public mutating func string(_ text: String) {
        raw("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\t": raw("\\t")
            case "\r": raw("\\r")
            case _ where scalar.value < 0x20:
                raw("\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16))
            default: raw(String(scalar))
            }
        }
        raw("\"")
    }
}
