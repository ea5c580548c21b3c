/// Checks theme text before TOMLKit parses it. toml++ (inside TOMLKit) aborts the whole process on
/// some malformed input instead of reporting an error — a table header whose `[` is not followed by
/// a key (`[=`, `[ .a]`, a lone `[`), a `}` where a list expects a value (`[1, }]`) — and a theme
/// file is untrusted input. The guard refuses those (headers that do not start with a key, closing
/// brackets that do not match the open one), plus text no theme needs: over 64 KiB or nested over
/// 8 deep. Everything it lets through is left to the parser's own errors.
enum ThemeTextGuard {
    /// The largest theme file read; the bundled ones are under 2 KB.
    static let maxBytes = 64 * 1024
    /// Deepest nesting of `[` / `{` in values; themes need 1 (a list of colours).
    static let maxDepth = 8

    /// Why `text` must not reach the TOML parser, with its 1-based line; nil when it may.
    static func problem(in text: String) -> (line: Int, reason: String)? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxBytes else { return (1, "larger than \(maxBytes / 1024) KiB; no theme is") }
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    /// A byte-level pass that knows TOML's strings, comments, table headers and value brackets.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// The `[` and `{` opened in values and not yet closed, innermost last.
        var open: [UInt8] = []
        var depth: Int { open.count }
        /// Only blanks since the last newline (outside values): a `[` here opens a table header.
        var lineStart = true

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A UTF-8 byte order mark counts as nothing, as it does for the parser.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func run() -> (line: Int, reason: String)? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    lineStart = depth == 0
                    index += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                case UInt8(ascii: "#"):
                    skipToLineEnd()
                    lineStart = false
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                    lineStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if byte == UInt8(ascii: "["), depth == 0, lineStart {
                        if let reason = headerProblem() { return (line, reason) }
                        skipToLineEnd()
                        continue
                    }
                    open.append(byte)
                    guard depth <= ThemeTextGuard.maxDepth else {
                        return (line, "nested deeper than \(ThemeTextGuard.maxDepth) levels")
                    }
                    lineStart = false
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    let opener = byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                    guard open.last == opener else {
                        return (
                            line,
                            "'\(Character(Unicode.Scalar(byte)))' does not close an open '\(Character(Unicode.Scalar(opener)))'"
                        )
                    }
                    open.removeLast()
                    lineStart = false
                    index += 1
                default:
                    lineStart = false
                    index += 1
                }
            }
            return nil
        }

        /// A header `[key]` or `[[key]]` must name a key (or close at once, which the parser reports).
        private func headerProblem() -> String? {
            var cursor = index + 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "[") { cursor += 1 }
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
                cursor += 1
            }
            guard cursor < bytes.count else { return "table header '[' is not closed" }
            let next = bytes[cursor]
            let startsKey =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(next)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]")]
                    .contains(next)
            return startsKey ? nil : "table header must start with a key name after '['"
        }

        private mutating func skipToLineEnd() {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        }

        /// Past a basic (`"`, with escapes) or literal (`'`) string, single- or multi-line.
        private mutating func skipString(quote: UInt8) {
            let tripled = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += tripled ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    guard tripled else { return }
                    line += 1
                } else if byte == quote {
                    if !tripled {
                        index += 1
                        return
                    }
                    if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                        index += 3
                        return
                    }
                }
                index += 1
            }
        }
    }
}
