extension Frame {
    /// The frame as text with ANSI SGR escapes (only where the style changes), each line ending in
    /// a reset: what `cat` shows exactly as the screen would. Trailing blank cells are trimmed.
    public func ansiText() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(width * height * 4)
        for y in 0..<height {
            var end = width
            while end > 0, self[end - 1, y].isTrimmable { end -= 1 }
            var current = CellStyle()
            for x in 0..<end {
                let cell = self[x, y]
                let style = CellStyle(
                    foreground: cell.foreground, background: cell.background, attributes: cell.attributes)
                if style != current {
                    ANSI.appendTransition(from: current, to: style, into: &out)
                    current = style
                }
                if let shown = shownCharacter(x: x, y: y) { out.append(contentsOf: shown.utf8) }
            }
            if current != CellStyle() { out.append(contentsOf: "\u{1B}[0m".utf8) }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Cell {
    /// A cell that shows nothing at the end of a line, so it may be left out.
    var isTrimmable: Bool {
        character == " " && background == .default && attributes.isDisjoint(with: [.reverse, .underline])
    }
}

/// SGR escape sequences for cell styles.
enum ANSI {
    /// The shortest SGR sequence that turns `old` into `new`: a reset only when an attribute
    /// must be switched off.
    static func appendTransition(from old: CellStyle, to new: CellStyle, into out: inout [UInt8]) {
        var codes: [String] = []
        var base = old
        if !old.attributes.isSubset(of: new.attributes) {
            codes.append("0")
            base = CellStyle()
        }
        let added = new.attributes.subtracting(base.attributes)
        if added.contains(.bold) { codes.append("1") }
        if added.contains(.dim) { codes.append("2") }
        if added.contains(.italic) { codes.append("3") }
        if added.contains(.underline) { codes.append("4") }
        if added.contains(.reverse) { codes.append("7") }
        if new.foreground != base.foreground { codes.append(code(new.foreground, foreground: true)) }
        if new.background != base.background { codes.append(code(new.background, foreground: false)) }
        guard !codes.isEmpty else { return }
        out.append(contentsOf: "\u{1B}[\(codes.joined(separator: ";"))m".utf8)
    }

    /// The SGR parameter for one colour: 16-colour codes for indices below 16, else 256 or 24-bit.
    static func code(_ color: TerminalColor, foreground: Bool) -> String {
        switch color {
        case .default: foreground ? "39" : "49"
        case .indexed(let index) where index < 8: String((foreground ? 30 : 40) + Int(index))
        case .indexed(let index) where index < 16: String((foreground ? 90 : 100) + Int(index) - 8)
        case .indexed(let index): "\(foreground ? 38 : 48);5;\(index)"
        case let .rgb(r, g, b): "\(foreground ? 38 : 48);2;\(r);\(g);\(b)"
        }
    }
}
