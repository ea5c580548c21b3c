import AttentionCore
import Foundation

/// A parameter the JSON documents list, under the key each of them uses for it.
enum ParamsKey: String {
    case n, m, dk, seed, sigma, rho, scale, alpha, causal
}

/// The pieces the snapshot, sweep and heads documents share, so each document's writer lists only
/// what is its own.
extension JSONByteWriter {
    /// The whole document `write` makes, as bytes.
    static func document(_ write: (inout JSONByteWriter) -> Void) -> Data {
        var data = Data()
        var json = JSONByteWriter { data.append($0.assumingMemoryBound(to: UInt8.self)) }
        write(&json)
        json.flush()
        return data
    }

    /// The values of `params` under `keys`, in that order, as members of the open object (the first
    /// without a comma when `first`).
    mutating func members(of params: AttentionParams, _ keys: [ParamsKey], first: Bool = false) {
        for (index, name) in keys.enumerated() {
            key(name.rawValue, first: first && index == 0)
            switch name {
            case .n: integer(params.n)
            case .m: integer(params.m)
            case .dk: integer(params.dk)
            case .seed: raw(String(params.seed))
            case .sigma: number(params.sigma)
            case .rho: number(params.rho)
            case .scale: string(params.scale.name)
            case .alpha: number(params.alpha)
            case .causal: raw(params.causal ? "true" : "false")
            }
        }
    }

    /// Strings on one line: `["a", "b"]`.
    mutating func strings(_ items: [String]) {
        raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { raw(", ") }
            string(item)
        }
        raw("]")
    }

    /// The `"rows"` member that closes a table document: one object per line, its members written
    /// by `members` (the row's index and the row), then the document's closing brace.
    mutating func rows<Row>(_ rows: [Row], members: (inout JSONByteWriter, Int, Row) -> Void) {
        raw("\"rows\": [")
        for (index, row) in rows.enumerated() {
            raw(index == 0 ? "\n    {" : ",\n    {")
            members(&self, index, row)
            raw("}")
        }
        raw(rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
