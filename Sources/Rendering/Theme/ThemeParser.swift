/// Reads a theme from TOML text: keys it leaves out come from `Theme.fallback`; anything it
/// cannot use is a `ThemeError` naming the file, line and key.
public struct ThemeParser: Sendable {
    /// The largest theme accepted; the bundled ones are under 2 KB.
    public static let maxBytes = 64 * 1024

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
        guard text.utf8.count <= Self.maxBytes else {
            throw .invalid(
                file: file, line: nil, key: nil, reason: "larger than \(Self.maxBytes / 1024) KiB; no theme is")
        }
        let document: TOMLTable
        do {
            document = try TOMLReader.parse(text)
        } catch {
            throw .invalid(file: file, line: error.line, key: nil, reason: "bad TOML: \(error.reason)")
        }
        var theme = Theme.fallback
        theme.name = name
        for entry in document.entries {
            switch entry.key {
            case "summary":
                guard case let .string(summary) = entry.value else { throw invalid(entry, nil, "must be a string") }
                theme.summary = summary
            case "ramps": try parseRamps(entry, into: &theme)
            case "colors": try parseColors(entry, into: &theme.colors)
            default: throw invalid(entry, nil, "unknown key (allowed: summary, [ramps], [colors])")
            }
        }
        return theme
    }

    private func parseRamps(_ section: TOMLTable.Entry, into theme: inout Theme) throws(ThemeError) {
        guard case let .table(table) = section.value else { throw invalid(section, nil, "must be a table [ramps]") }
        for entry in table.entries {
            guard entry.key == "weights" || entry.key == "logits" else {
                throw invalid(entry, "ramps", "unknown key (allowed: weights, logits)")
            }
            guard case let .array(array) = entry.value, array.count >= 2 else {
                throw invalid(entry, "ramps", "must be a list of at least two \"#rrggbb\" colours")
            }
            var stops: [RGB] = []
            for element in array {
                guard case let .string(spelling) = element, let rgb = RGB(hex: spelling) else {
                    throw invalid(entry, "ramps", "bad colour \(element.spelling) (expected \"#rrggbb\")")
                }
                stops.append(rgb)
            }
            if entry.key == "weights" {
                theme.weights = ColorRamp(stops: stops)
            } else {
                theme.logits = ColorRamp(stops: stops)
            }
        }
    }

    private func parseColors(_ section: TOMLTable.Entry, into colors: inout ThemeColors) throws(ThemeError) {
        guard case let .table(table) = section.value else { throw invalid(section, nil, "must be a table [colors]") }
        for entry in table.entries {
            let spelling: String? = if case let .string(text) = entry.value { text } else { nil }
            if entry.key == "background" {
                if spelling == "none" {
                    colors.background = nil
                    continue
                }
                guard let spelling, let rgb = RGB(hex: spelling) else {
                    throw invalid(entry, "colors", "bad colour (expected \"#rrggbb\" or \"none\")")
                }
                colors.background = rgb
                continue
            }
            guard let path = ThemeColors.keys.first(where: { $0.name == entry.key })?.path else {
                throw invalid(entry, "colors", "unknown key (see themes/README.md for the list)")
            }
            guard let spelling, let rgb = RGB(hex: spelling) else {
                throw invalid(entry, "colors", "bad colour \(entry.value.spelling) (expected \"#rrggbb\")")
            }
            colors[keyPath: path] = rgb
        }
    }

    private func invalid(_ entry: TOMLTable.Entry, _ section: String?, _ reason: String) -> ThemeError {
        let key = TOMLValue.string(entry.key).spelling.dropFirst().dropLast()
        return .invalid(
            file: file, line: entry.line, key: section.map { "\($0).\(key)" } ?? String(key), reason: reason)
    }
}
