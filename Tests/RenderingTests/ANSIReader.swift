/// The colours an ANSI snapshot gives each cell, read from its escape codes alone (truecolor
/// `38;2`/`48;2`, `39`/`49`, `0`): an independent witness for the SVG's colours.
struct ANSIReader {
    /// `#rrggbb` for colours the codes set, nil for the terminal's default.
    struct Colors: Equatable {
        var foreground: String?
        var background: String?
        var reverse = false
    }

    private(set) var rows: [[(character: Character, colors: Colors)]] = []

    init(_ ansi: String) {
        for line in ansi.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [(Character, Colors)] = []
            var current = Colors()
            var rest = Substring(line)
            while let first = rest.first {
                if first == "\u{1B}", let end = rest.firstIndex(of: "m") {
                    let codes = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";").compactMap {
                        Int($0)
                    }
                    Self.apply(codes, to: &current)
                    rest = rest[rest.index(after: end)...]
                } else {
                    row.append((first, current))
                    rest = rest.dropFirst()
                }
            }
            rows.append(row)
        }
    }

    private static func apply(_ codes: [Int], to colors: inout Colors) {
        var index = 0
        while index < codes.count {
            switch codes[index] {
            case 0: colors = Colors()
            case 7: colors.reverse = true
            case 39: colors.foreground = nil
            case 49: colors.background = nil
            case 38, 48:
                guard index + 4 < codes.count, codes[index + 1] == 2 else { break }
                let hex =
                    "#"
                    + codes[(index + 2)...(index + 4)].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
                    .joined()
                if codes[index] == 38 { colors.foreground = hex } else { colors.background = hex }
                index += 4
            default: break
            }
            index += 1
        }
    }

    /// The cell at (`column`, `row`); trimmed blanks at a line's end read as default colours.
    func cell(column: Int, row: Int) -> (character: Character, colors: Colors) {
        guard row < rows.count, column < rows[row].count else { return (" ", Colors()) }
        return rows[row][column]
    }
}
