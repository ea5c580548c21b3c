/// Appends JSON tokens to a byte buffer that it hands on whenever it fills up; numbers use
/// Swift's shortest round-trip spelling.
struct JSONByteWriter {
    private static let bufferSize = 1 << 16
    private var bytes: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Void

    init(flushingInto sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.bufferSize + 256)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.bufferSize { flush() }
    }

    /// Hands everything written so far to the sink.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    /// `"name": `, preceded by a comma unless it is the object's first key.
    mutating func key(_ name: String, first: Bool = false) {
        if !first { raw(", ") }
        string(name)
        raw(": ")
    }

    mutating func integer(_ value: Int) {
        raw(String(value))
    }

    /// A finite Double, or null for nil, NaN and infinities (which JSON cannot spell).
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return raw("null") }
        raw(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description)
    }

    /// A finite Float in its shortest spelling that reads back as the same float32.
    mutating func float(_ value: Float) {
        raw(value == value.rounded() && abs(value) < 1e7 ? String(Int32(value)) : value.description)
    }

    /// The statistics object, keys as the issue names them (`logit_std`, …), in a fixed order.
    mutating func statistics(_ stats: AttentionStatistics) {
        let fields: [(String, Double?)] = [
            ("logit_mean", stats.logitMean), ("logit_std", stats.logitStd),
            ("logit_std_expected", stats.logitStdExpected), ("entropy_mean", stats.entropyMean),
            ("entropy_normalized_mean", stats.entropyNormalizedMean), ("max_weight_mean", stats.maxWeightMean),
            ("effective_tokens_mean", stats.effectiveTokensMean), ("jacobian_fro_mean", stats.jacobianFroMean),
            ("score_grad_mean", stats.scoreGradMean),
        ]
        raw("{")
        for (index, (name, value)) in fields.enumerated() {
            key(name, first: index == 0)
            number(value)
        }
        key("regime")
        string(stats.regime.rawValue)
        raw("}")
    }

    mutating func string(_ text: String) {
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
