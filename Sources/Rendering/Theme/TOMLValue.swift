/// A table of a theme file in document order: every key with the line it is on.
struct TOMLTable: Equatable, Sendable {
    /// One `key = value` (or a `[key]` table) and its 1-based line.
    struct Entry: Equatable, Sendable {
        let key: String
        let line: Int
        let value: TOMLValue
    }

    /// The keys in the order the file has them, so the first fault in the file is the one reported.
    var entries: [Entry] = []
}

/// A value of the TOML subset themes use (docs/themes.md lists it).
indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    /// An integer or float, kept as written: no theme key takes one, so it is only ever named in an error.
    case number(String)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The value as a TOML file would spell it, for error messages; strings quoted, control characters as `\uXXXX`.
    var spelling: String {
        switch self {
        case let .string(text):
            let escaped = text.unicodeScalars.map { scalar in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                default:
                    scalar.properties.generalCategory == .control
                        ? "\\u" + TOMLReader.codePoint(scalar).dropFirst(2) : String(scalar)
                }
            }
            return "\"" + escaped.joined() + "\""
        case let .number(spelling): return spelling
        case let .boolean(value): return value ? "true" : "false"
        case let .array(values): return "[" + values.map(\.spelling).joined(separator: ", ") + "]"
        case .table: return "a table"
        }
    }
}
