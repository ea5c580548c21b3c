/// A value of the tiny Python-literal subset that `.npy` headers are written in.
enum NPYLiteral {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case none
    case tuple([NPYLiteral])
    case list([NPYLiteral])
    case dictionary([(key: String, value: NPYLiteral)])
}

/// Parses the header dictionary of a `.npy` file (`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`).
/// Written by hand because it is Python `repr` output, not JSON; only what numpy writes is accepted,
/// and every malformed byte sequence ends in a thrown reason, never a trap.
struct NPYHeaderParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Nesting guard, so a hostile header of ten thousand `(` cannot exhaust the stack.
    private var depth = 0
    private static let maxDepth = 16

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The literal the header holds; trailing spaces and the closing newline are allowed.
    static func parse(_ bytes: [UInt8]) throws(NPYHeaderParser.Failure) -> NPYLiteral {
        var parser = NPYHeaderParser(bytes)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected text after the dictionary") }
        return value
    }

    /// Why a header could not be parsed, with the byte offset into the header text.
    struct Failure: Error, Equatable {
        let reason: String
    }

    private func failure(_ what: String) -> Failure {
        Failure(reason: "\(what) at header offset \(position)")
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        skipWhitespace()
        guard current == byte else { throw failure("expected '\(Character(UnicodeScalar(byte)))'") }
        position += 1
    }

    private mutating func value() throws(Failure) -> NPYLiteral {
        skipWhitespace()
        guard let byte = current else { throw failure("header ends too early") }
        switch byte {
        case UInt8(ascii: "{"):
            return try nested { (parser: inout NPYHeaderParser) throws(Failure) in try parser.dictionary() }
        case UInt8(ascii: "("):
            return try nested { (parser: inout NPYHeaderParser) throws(Failure) in
                .tuple(try parser.sequence(closing: UInt8(ascii: ")")))
            }
        case UInt8(ascii: "["):
            return try nested { (parser: inout NPYHeaderParser) throws(Failure) in
                .list(try parser.sequence(closing: UInt8(ascii: "]")))
            }
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
        default: return try word()
        }
    }

    private mutating func nested(
        _ body: (inout NPYHeaderParser) throws(Failure) -> NPYLiteral
    ) throws(Failure) -> NPYLiteral {
        guard depth < Self.maxDepth else { throw failure("nesting too deep") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func dictionary() throws(Failure) -> NPYLiteral {
        try expect(UInt8(ascii: "{"))
        var entries: [(key: String, value: NPYLiteral)] = []
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .dictionary(entries)
            }
            guard case let .string(key) = try value() else { throw failure("dictionary key is not a string") }
            try expect(UInt8(ascii: ":"))
            entries.append((key, try value()))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != UInt8(ascii: "}") {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func sequence(closing: UInt8) throws(Failure) -> [NPYLiteral] {
        position += 1
        var items: [NPYLiteral] = []
        while true {
            skipWhitespace()
            if current == closing {
                position += 1
                return items
            }
            items.append(try value())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != closing {
                throw failure("expected ',' or '\(Character(UnicodeScalar(closing)))'")
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        guard let quote = current else { throw failure("header ends too early") }
        position += 1
        var content: [UInt8] = []
        while let byte = current {
            position += 1
            if byte == quote {
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw failure("string is not UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = current else { break }
                position += 1
                content.append(escaped)
            } else {
                content.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func integer() throws(Failure) -> Int {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        let digits = String(decoding: bytes[start..<position], as: UTF8.self)
        // Python 2 wrote long integers with an `L` suffix: `(3L, 4L)`.
        if current == UInt8(ascii: "L") { position += 1 }
        guard let number = Int(digits) else { throw failure("bad integer '\(digits)'") }
        return number
    }

    private mutating func word() throws(Failure) -> NPYLiteral {
        let start = position
        while let byte = current,
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        {
            position += 1
        }
        switch String(decoding: bytes[start..<position], as: UTF8.self) {
        case "True": return .boolean(true)
        case "False": return .boolean(false)
        case "None": return .none
        case "": throw failure("unexpected character")
        case let other: throw failure("unexpected word '\(other)'")
        }
    }
}
