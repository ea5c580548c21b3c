import CNCurses
import Rendering

/// Maps the renderer's colours to this terminal's colour numbers and hands out ncurses colour
/// pairs (extended pairs, so more than 32767 work), remembering each so a pair is set up once.
struct ColorPairs {
    /// Colours the terminal has (COLORS): 8, 16, 256, or 2^24 for direct colour.
    let terminalColors: Int
    /// Pairs the terminal has (COLOR_PAIRS); pair 0 is the default colours.
    let capacity: Int
    private var pairs: [Int64: Int32] = [:]
    private var nextPair: Int32 = 1

    init(terminalColors: Int, capacity: Int) {
        self.terminalColors = terminalColors
        self.capacity = capacity
    }

    /// The pair showing `foreground` on `background`; pair 0 (default colours) when none is left.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
        let fg = number(for: foreground)
        let bg = number(for: background)
        if fg == -1 && bg == -1 { return 0 }
        let key = (Int64(fg + 1) << 32) | Int64(bg + 1)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < capacity, init_extended_pair(nextPair, fg, bg) != ERR else { return 0 }
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
            return fitted(XtermPalette.nearestIndex(r: Int(r), g: Int(g), b: Int(b)))
        }
    }

    private func fitted(_ index: Int) -> Int32 {
        if index < terminalColors || terminalColors >= 1 << 24 { return Int32(index) }
        if terminalColors < 8 { return -1 }
        let rgb = XtermPalette.rgb(index)
        let candidates = min(terminalColors, 16)
        return Int32(XtermPalette.nearestIndex(r: rgb.r, g: rgb.g, b: rgb.b, among: 0..<candidates))
    }
}
