import Rendering
import Testing

@testable import attnview

@Suite struct ColorPairsTests {
    @Test func coloursDegradeToWhatTheTerminalHas() {
        let direct = ColorPairs(terminalColors: 1 << 24, capacity: 1 << 16)
        #expect(direct.number(for: .rgb(1, 2, 3)) == 0x010203)
        let palette = ColorPairs(terminalColors: 256, capacity: 1 << 16)
        #expect(palette.number(for: .rgb(255, 0, 0)) == 196)
        #expect(palette.number(for: .default) == -1)
        let sixteen = ColorPairs(terminalColors: 16, capacity: 256)
        #expect(sixteen.number(for: .indexed(196)) == 9)
        #expect(sixteen.number(for: .indexed(12)) == 12)
        let eight = ColorPairs(terminalColors: 8, capacity: 64)
        #expect(eight.number(for: .indexed(9)) == 1)
        #expect(ColorPairs(terminalColors: 0, capacity: 0).number(for: .indexed(3)) == -1)
    }
}
