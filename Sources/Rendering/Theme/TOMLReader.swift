/// Why a theme's text is not TOML this reader takes, with the 1-based line.
struct TOMLSyntaxError: Error, Equatable, Sendable {
    let line: Int
    let reason: String
}

/// Reads the TOML subset theme files use: comments, `[table]` headers, `key = value` with bare or quoted
/// keys, one-line strings, lists, numbers and booleans. Everything else TOML has (dotted keys, inline
/// tables, arrays of tables, multi-line strings, dates) is refused with its line, never guessed at.
/// Written for untrusted files: it walks bytes with checked indices, nests at most `maxDepth` lists and
/// cannot trap or abort on any input (`make fuzz` keeps that true).
struct TOMLReader {
    /// Deepest nesting of lists; themes need 1 (a list of colours).
    static let maxDepth = 8

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// The root table of `text`, or the first syntax error.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        var reader = TOMLReader(bytes: Array(text.utf8))
        return try reader.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark counts as nothing.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func byte(at offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func failure(_ reason: String) -> TOMLSyntaxError { TOMLSyntaxError(line: line, reason: reason) }

    private mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
        var root = TOMLTable()
        // The `[table]` being filled, added to the root when the next header or the end arrives.
        var section: (key: String, line: Int)?
        var table = TOMLTable()
        func closeSection() throws(TOMLSyntaxError) {
            guard let open = section else { return }
            try Self.add(.init(key: open.key, line: open.line, value: .table(table)), to: &root)
            table = TOMLTable()
        }
        while true {
            skipBlanks()
            guard let byte = current else { break }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try newline()
                continue
            case UInt8(ascii: "#"):
                try comment()
                continue
            case UInt8(ascii: "["):
                try closeSection()
                let headerLine = line
                let key = try header()
                if let first = root.entries.first(where: { $0.key == key }) {
                    throw failure("'\(Self.printable(key))' is defined twice (first on line \(first.line))")
                }
                section = (key, headerLine)
            default:
                if section == nil {
                    try Self.add(try keyValue(), to: &root)
                } else {
                    try Self.add(try keyValue(), to: &table)
                }
            }
            try endOfLine()
        }
        try closeSection()
        return root
    }

    private static func add(_ entry: TOMLTable.Entry, to table: inout TOMLTable) throws(TOMLSyntaxError) {
        if let first = table.entries.first(where: { $0.key == entry.key }) {
            throw TOMLSyntaxError(
                line: entry.line, reason: "'\(printable(entry.key))' is defined twice (first on line \(first.line))")
        }
        table.entries.append(entry)
    }

    /// `[key]`; the `[` is current.
    private mutating func header() throws(TOMLSyntaxError) -> String {
        index += 1
        if current == UInt8(ascii: "[") { throw failure("arrays of tables ([[…]]) are not supported in themes") }
        skipBlanks()
        let key = try self.key()
        skipBlanks()
        guard current == UInt8(ascii: "]") else { throw failure("table header is not closed with ']'") }
        index += 1
        return key
    }

    private mutating func keyValue() throws(TOMLSyntaxError) -> TOMLTable.Entry {
        let keyLine = line
        let key = try self.key()
        skipBlanks()
        guard current == UInt8(ascii: "=") else {
            throw failure("expected '=' after the key '\(Self.printable(key))', found \(describeCurrent())")
        }
        index += 1
        skipBlanks()
        return TOMLTable.Entry(key: key, line: keyLine, value: try value(depth: 0))
    }

    /// A bare key (`A-Z a-z 0-9 _ -`) or a quoted one.
    private mutating func key() throws(TOMLSyntaxError) -> String {
        let key: String
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard case let .string(text) = try quoted() else { throw failure("expected a key") }
            key = text
        default:
            let start = index
            while let byte = current, Self.isBareKey(byte) { index += 1 }
            guard index > start else { throw failure("expected a key, found \(describeCurrent())") }
            key = String(decoding: bytes[start..<index], as: UTF8.self)
        }
        skipBlanks()
        if current == UInt8(ascii: ".") {
            throw failure("dotted keys (a.b) are not supported in themes; use a [table]")
        }
        return key
    }

    private mutating func value(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try quoted()
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "{"): throw failure("inline tables ({…}) are not supported in themes")
        default: return try bareValue()
        }
    }

    /// `true`, `false` or a number; anything else bare (a date, a word) is refused.
    private mutating func bareValue() throws(TOMLSyntaxError) -> TOMLValue {
        let start = index
        while let byte = current,
            Self.isBareKey(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":")
        {
            index += 1
        }
        guard index > start else { throw failure("expected a value, found \(describeCurrent())") }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        if word == "true" || word == "false" { return .boolean(word == "true") }
        guard Self.isNumber(word) else {
            throw failure("'\(word)' is not a value themes use (a \"string\", a [list], a number, true or false)")
        }
        return .number(word)
    }

    private mutating func array(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth <= Self.maxDepth else { throw failure("lists nested deeper than \(Self.maxDepth) levels") }
        index += 1
        var values: [TOMLValue] = []
        while true {
            try skipBlankLines()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            guard current != nil else { throw failure("list is not closed with ']'") }
            values.append(try value(depth: depth))
            try skipBlankLines()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(values)
            case nil: throw failure("list is not closed with ']'")
            default: throw failure("expected ',' or ']' in a list, found \(describeCurrent())")
            }
        }
    }

    /// A one-line basic (`"…"`, with escapes) or literal (`'…'`) string; the quote is current.
    private mutating func quoted() throws(TOMLSyntaxError) -> TOMLValue {
        guard let quote = current else { throw failure("expected a string") }
        if byte(at: 1) == quote, byte(at: 2) == quote {
            throw failure("multi-line strings are not supported in themes")
        }
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else { throw failure("string is not closed") }
            index += 1
            if byte == quote { return .string(String(decoding: text, as: UTF8.self)) }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                throw failure("control character \(Self.codePoint(Unicode.Scalar(byte))) in a string")
            }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                text += try escape()
            } else {
                text.append(byte)
            }
        }
    }

    /// The UTF-8 of one escape after its backslash: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func escape() throws(TOMLSyntaxError) -> [UInt8] {
        guard let letter = current else { throw failure("string is not closed") }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let byte = simple[letter] { return [byte] }
        let digits = letter == UInt8(ascii: "u") ? 4 : letter == UInt8(ascii: "U") ? 8 : 0
        guard digits > 0 else {
            throw failure("unknown escape '\\\(Self.describe(letter))' in a string")
        }
        guard index + digits <= bytes.count, bytes[index..<(index + digits)].allSatisfy({ Self.isHexDigit($0) }),
            let code = UInt32(String(decoding: bytes[index..<(index + digits)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            throw failure("'\\\(Character(Unicode.Scalar(letter)))' needs \(digits) hex digits of a Unicode scalar")
        }
        index += digits
        return Array(String(scalar).utf8)
    }

    private mutating func skipBlanks() {
        while current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") { index += 1 }
    }

    /// Blanks, comments and line breaks, as a list may hold between its values.
    private mutating func skipBlankLines() throws(TOMLSyntaxError) {
        while true {
            skipBlanks()
            switch current {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try newline()
            case UInt8(ascii: "#"): try comment()
            default: return
            }
        }
    }

    /// After a header or value: blanks, an optional comment, then a line break or the end.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        skipBlanks()
        if current == UInt8(ascii: "#") { try comment() }
        switch current {
        case nil: return
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try newline()
        default: throw failure("expected the end of the line, found \(describeCurrent())")
        }
    }

    /// `\n` or `\r\n`; a lone carriage return is not a line break in TOML.
    private mutating func newline() throws(TOMLSyntaxError) {
        if current == UInt8(ascii: "\r") {
            guard byte(at: 1) == UInt8(ascii: "\n") else { throw failure("carriage return without a line feed") }
            index += 1
        }
        index += 1
        line += 1
    }

    /// From `#` to the end of the line, which is left for the caller.
    private mutating func comment() throws(TOMLSyntaxError) {
        while let byte = current, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                throw failure("control character \(Self.codePoint(Unicode.Scalar(byte))) in a comment")
            }
            index += 1
        }
    }

    /// The character at the cursor for an error message: printable ASCII quoted, anything else as U+XXXX.
    private func describeCurrent() -> String {
        guard current != nil else { return "the end of the file" }
        let scalar = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        return scalar.map { $0.isASCII && !$0.properties.isWhitespace ? "'\($0)'" : Self.codePoint($0) } ?? "a byte"
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : codePoint(Unicode.Scalar(byte))
    }

    /// `U+0085`: a character named without writing it.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A key with control characters escaped, for error messages.
    private static func printable(_ key: String) -> String {
        String(TOMLValue.string(key).spelling.dropFirst().dropLast())
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// TOML's integers (decimal, 0x, 0o, 0b, with `_` between digits) and floats (fraction, exponent, inf, nan).
    static func isNumber(_ word: String) -> Bool {
        let unsigned = word.hasPrefix("+") || word.hasPrefix("-") ? word.dropFirst() : word[...]
        if unsigned == "inf" || unsigned == "nan" { return true }
        for (prefix, digits) in [("0x", "0123456789abcdefABCDEF"), ("0o", "01234567"), ("0b", "01")]
        where unsigned.hasPrefix(prefix) {
            return unsigned.count == word.count && isDigits(unsigned.dropFirst(2), allowed: digits)
        }
        let parts = unsigned.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let mantissa = parts.first, parts.count <= 2 else { return false }
        let halves = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        // No leading zeros in the integer part (`007`), as TOML says.
        guard isDigits(halves[0], allowed: "0123456789"), halves[0].count == 1 || !halves[0].hasPrefix("0"),
            halves.count == 1 || isDigits(halves[1], allowed: "0123456789")
        else { return false }
        guard parts.count == 2 else { return true }
        let exponent = parts[1].hasPrefix("+") || parts[1].hasPrefix("-") ? parts[1].dropFirst() : parts[1]
        return isDigits(exponent, allowed: "0123456789")
    }

    /// One or more of `allowed`, with single underscores only between them.
    private static func isDigits(_ text: Substring, allowed: String) -> Bool {
        guard let first = text.first, let last = text.last, first != "_", last != "_" else { return false }
        return !text.contains("__") && text.allSatisfy { $0 == "_" || allowed.contains($0) }
    }
}
