/// How many colours the output can show; chosen from the terminal, `NO_COLOR` and flags.
public enum ColorDepth: String, Hashable, Sendable, CaseIterable {
    case trueColor = "truecolor"
    case palette256 = "256"
    case ansi16 = "16"
    case none

    /// The depth for a terminal described by `environment` and, when known (from terminfo /
    /// ncurses `COLORS`), the number of colours it reports.
    /// `NO_COLOR` (any non-empty value) and `TERM=dumb` give `.none`; `COLORTERM=truecolor|24bit`
    /// gives `.trueColor`; otherwise the colour count, else a `256color` TERM, decides.
    public static func detect(environment: [String: String], terminalColors: Int?) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = environment["TERM"] ?? ""
        if term == "dumb" { return .none }
        if let colorTerm = environment["COLORTERM"]?.lowercased(), colorTerm == "truecolor" || colorTerm == "24bit" {
            return .trueColor
        }
        if let colors = terminalColors {
            if colors >= 256 { return .palette256 }
            return colors >= 8 ? .ansi16 : .none
        }
        if term.contains("256color") { return .palette256 }
        return term.isEmpty ? .none : .ansi16
    }

    /// The terminal colour that shows `rgb` best at this depth (`.default` when there is no colour).
    public func resolve(_ rgb: RGB) -> TerminalColor {
        switch self {
        case .trueColor: .rgb(rgb.r, rgb.g, rgb.b)
        case .palette256: .indexed(XtermPalette.nearest256(rgb))
        case .ansi16: .indexed(XtermPalette.nearest16(rgb))
        case .none: .default
        }
    }
}
