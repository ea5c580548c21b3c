import CNCurses
import Rendering

/// Maps the renderer's colours to this terminal's colour numbers and hands out ncurses colour
/// pairs (extended pairs, so more than 32767 work), remembering each so a pair is set up once.
struct ColorPairs {
    /// Colours the terminal has (COLORS): 8, 16, 256, or 2^24 for direct colour.
    let terminalColors: Int
    /// Pairs the terminal has (COLOR_PAIRS); pair 0 is the default colours.
    let capacity: Int
    private var pairs: [ColorKey: Int32] = [:]
    private var nextPair: Int32 = 1

    init(terminalColors: Int, capacity: Int) {
        self.terminalColors = terminalColors
        self.capacity = capacity
    }

    /// The pair showing `foreground` on `background`; pair 0 (default colours) when none is left.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
        if foreground == .default && background == .default { return 0 }
        let key = ColorKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < capacity,
            init_extended_pair(nextPair, number(for: foreground), number(for: background)) != ERR
        else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// Forgets every pair when more than three quarters are used, so a new frame cannot run out
    /// halfway; returns true when it did, and the screen must then be repainted in full.
    mutating func resetIfCrowded() -> Bool {
        guard Int(nextPair) * 4 > capacity * 3 else { return false }
        reset_color_pairs()
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
        return true
    }

    /// The terminal's number for `color`: -1 for the default colour, the colour itself where the
    /// terminal has it, else the nearest it has (rgb → xterm 256 → ANSI 16 → ANSI 8).
    func number(for color: TerminalColor) -> Int32 {
        switch color {
        case .default: return -1
        case .indexed(let index): return fitted(Int(index))
        case let .rgb(r, g, b):
            if terminalColors >= 1 << 24 { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return fitted(Int(XtermPalette.nearest256(RGB(r, g, b))))
        }
    }

    private func fitted(_ index: Int) -> Int32 {
        if index < terminalColors || terminalColors >= 1 << 24 { return Int32(index) }
        if terminalColors < 8 { return -1 }
        let ansi = index < 16 ? index : Int(XtermPalette.nearest16(XtermPalette.colors[index]))
        // Eight-colour terminals show the bright half as its normal colour.
        return Int32(ansi < terminalColors ? ansi : ansi % 8)
    }
}

/// A foreground/background combination, the key of the pair cache (hashing is cheaper than
/// mapping colours to terminal numbers on every cell).
private struct ColorKey: Hashable {
    let foreground: TerminalColor
    let background: TerminalColor
}
