/// Colours and attributes shared by a run of cells: what widgets draw with.
public struct CellStyle: Hashable, Sendable {
    /// Glyph colour.
    public var foreground: TerminalColor
    /// Colour behind the glyph.
    public var background: TerminalColor
    /// Bold, dim, reverse and so on.
    public var attributes: CellAttributes

    /// A style; the defaults are the terminal's own colours, no attributes.
    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: CellAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// A cell showing `character` in this style.
    public func cell(_ character: Character) -> Cell {
        Cell(character, foreground: foreground, background: background, attributes: attributes)
    }

    /// The same style with `attributes` added.
    public func with(_ attributes: CellAttributes) -> CellStyle {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}
