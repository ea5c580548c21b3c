/// A colour as a terminal can show it at some depth; the renderer resolves theme colours to these.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case `default`
    /// An xterm palette index: 0–15 the ANSI colours, 16–255 the cube and grays.
    case indexed(UInt8)
    /// 24-bit colour, only at `ColorDepth.trueColor`.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (and, without colour, the emphasis of titles and keys).
    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let reverse = CellAttributes(rawValue: 1 << 3)
    public static let italic = CellAttributes(rawValue: 1 << 4)
}

/// One terminal cell: a single-width grapheme with colours and attributes.
public struct Cell: Hashable, Sendable {
    /// One single-width grapheme; widgets never store wide characters.
    public var character: Character
    /// Colour of the glyph (for ▀, the upper half).
    public var foreground: TerminalColor
    /// Colour behind the glyph (for ▀, the lower half).
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(
        _ character: Character = " ", foreground: TerminalColor = .default, background: TerminalColor = .default,
        attributes: CellAttributes = []
    ) {
        self.character = character
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// A space in the terminal's default colours.
    public static let blank = Cell()
}
