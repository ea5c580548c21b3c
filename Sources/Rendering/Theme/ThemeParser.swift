import TOMLKit

/// Reads a theme from TOML text: keys it leaves out come from `Theme.fallback`; anything it
/// cannot use is a `ThemeError` naming the file, line and key.
public struct ThemeParser: Sendable {
    /// Shown in errors: the path the text came from.
    public let file: String
    /// The TOML source.
    public let text: String

    /// A parser for `text`, read from `file`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// The theme, named `name` (the file's base name).
    public func parse(name: String) throws(ThemeError) -> Theme {
        if let (line, reason) = ThemeTextGuard.problem(in: text) {
            throw .invalid(file: file, line: line, key: nil, reason: reason)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalid(
                file: file, line: error.source.begin.line, key: nil, reason: "bad TOML: \(error.description)")
        } catch {
            throw .invalid(file: file, line: nil, key: nil, reason: "bad TOML")
        }
        var theme = Theme.fallback
        theme.name = name
        for key in table.keys {
            switch key {
            case "summary":
                guard let summary = table[key]?.string else { throw invalid(key, section: nil, "must be a string") }
                theme.summary = summary
            case "ramps": try parseRamps(table[key]?.table, into: &theme)
            case "colors": try parseColors(table[key]?.table, into: &theme.colors)
            default: throw invalid(key, section: nil, "unknown key (allowed: summary, [ramps], [colors])")
            }
        }
        return theme
    }

    private func parseRamps(_ table: TOMLTable?, into theme: inout Theme) throws(ThemeError) {
        guard let table else { throw invalid("ramps", section: nil, "must be a table [ramps]") }
        for key in table.keys {
            guard key == "weights" || key == "logits" else {
                throw invalid(key, section: "ramps", "unknown key (allowed: weights, logits)")
            }
            guard let array = table[key]?.array, array.count >= 2 else {
                throw invalid(key, section: "ramps", "must be a list of at least two \"#rrggbb\" colours")
            }
            var stops: [RGB] = []
            for element in array {
                guard let spelling = element.string, let rgb = RGB(hex: spelling) else {
                    throw invalid(
                        key, section: "ramps", "bad colour \(element.debugDescription) (expected \"#rrggbb\")")
                }
                stops.append(rgb)
            }
            if key == "weights" {
                theme.weights = ColorRamp(stops: stops)
            } else {
                theme.logits = ColorRamp(stops: stops)
            }
        }
    }

    private func parseColors(_ table: TOMLTable?, into colors: inout ThemeColors) throws(ThemeError) {
        guard let table else { throw invalid("colors", section: nil, "must be a table [colors]") }
        for key in table.keys {
            let spelling = table[key]?.string
            if key == "background" {
                if spelling == "none" {
                    colors.background = nil
                    continue
                }
                guard let spelling, let rgb = RGB(hex: spelling) else {
                    throw invalid(key, section: "colors", "bad colour (expected \"#rrggbb\" or \"none\")")
                }
                colors.background = rgb
                continue
            }
            guard let path = ThemeColors.keys.first(where: { $0.name == key })?.path else {
                throw invalid(key, section: "colors", "unknown key (see themes/README.md for the list)")
            }
            guard let spelling, let rgb = RGB(hex: spelling) else {
                throw invalid(
                    key, section: "colors",
                    "bad colour \(spelling.map { "\"\($0)\"" } ?? "value") (expected \"#rrggbb\")")
            }
            colors[keyPath: path] = rgb
        }
    }

    private func invalid(_ key: String, section: String?, _ reason: String) -> ThemeError {
        let qualified = section.map { "\($0).\(key)" } ?? key
        return .invalid(file: file, line: line(of: key, in: section), key: qualified, reason: reason)
    }

    /// TOMLKit does not say where a key is, so find its line: `key =` inside `[section]`
    /// (or a `[key]` header for a table), 1-based.
    func line(of key: String, in section: String?) -> Int? {
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("[") {
                let header = line.dropFirst().prefix { $0 != "]" }.trimmingWhitespace()
                if section == nil, header == key { return index + 1 }
                current = header
                continue
            }
            guard current == section, line.hasPrefix(key) else { continue }
            let rest = line.dropFirst(key.count).trimmingWhitespace()
            if rest.hasPrefix("=") { return index + 1 }
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
