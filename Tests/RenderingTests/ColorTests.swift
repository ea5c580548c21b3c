import Testing

@testable import Rendering

/// OKLab coordinates are compared to 1e-6: the fixtures carry 10 decimals and the conversion is
/// the same closed form in double precision, so only float rounding can differ.
private let labTolerance = 1e-6

@Test func oklabMatchesNumpyReference() {
    for fixture in ColorFixtures.oklab {
        let lab = OKLab(RGB(fixture.rgb.0, fixture.rgb.1, fixture.rgb.2))
        #expect(abs(lab.l - fixture.lab.0) < labTolerance, "L of \(fixture.rgb)")
        #expect(abs(lab.a - fixture.lab.1) < labTolerance, "a of \(fixture.rgb)")
        #expect(abs(lab.b - fixture.lab.2) < labTolerance, "b of \(fixture.rgb)")
    }
}

@Test func oklabRoundTripsEveryGray() {
    for value in stride(from: 0, through: 255, by: 5) {
        let gray = RGB(UInt8(value), UInt8(value), UInt8(value))
        #expect(OKLab(gray).rgb == gray)
    }
}

@Test func rampMidpointIsTheOKLabMidpoint() {
    for fixture in ColorFixtures.midpoints {
        // Three stops put the middle one exactly at t = 0.5, where the table index is 127.5; use
        // the two-stop ramp's own OKLab mix instead of a table entry.
        let from = OKLab(RGB(fixture.from.0, fixture.from.1, fixture.from.2))
        let to = OKLab(RGB(fixture.to.0, fixture.to.1, fixture.to.2))
        #expect(from.mix(to, 0.5).rgb == RGB(fixture.mid.0, fixture.mid.1, fixture.mid.2))
    }
}

@Test func rampTableStartsAndEndsAtItsStops() {
    let ramp = ColorRamp(stops: [RGB(68, 1, 84), RGB(33, 145, 140), RGB(253, 231, 37)])
    #expect(ramp.table.count == ColorRamp.resolution)
    #expect(ramp.color(at: 0) == RGB(68, 1, 84))
    #expect(ramp.color(at: 1) == RGB(253, 231, 37))
    let middle = ramp.color(at: 0.5)
    #expect(
        abs(Int(middle.r) - 33) <= 2 && abs(Int(middle.g) - 145) <= 2 && abs(Int(middle.b) - 140) <= 2,
        "the table entry nearest t = 0.5 is next to the middle stop")
    #expect(ramp.color(at: -3) == RGB(68, 1, 84))
    #expect(ramp.color(at: .nan) == RGB(68, 1, 84))
}

@Test func rampTableFollowsOKLabBetweenStops() {
    let black = RGB(0, 0, 0), white = RGB(255, 255, 255)
    let ramp = ColorRamp(stops: [black, white])
    let expected = OKLab(black).mix(OKLab(white), 64.0 / 255).rgb
    #expect(ramp.table[64] == expected)
    let lightness = ramp.table.map { OKLab($0).l }
    #expect(zip(lightness, lightness.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 }, "perceived lightness never falls")
}

@Test func quantizationPicksTheNearestPaletteEntryInOKLab() {
    for fixture in ColorFixtures.nearest {
        let rgb = RGB(fixture.rgb.0, fixture.rgb.1, fixture.rgb.2)
        #expect(XtermPalette.nearest256(rgb) == fixture.index256, "256 for \(rgb)")
        #expect(XtermPalette.nearest16(rgb) == fixture.index16, "16 for \(rgb)")
    }
}

@Test func paletteEntriesQuantizeToThemselves() {
    for index in [16, 21, 46, 196, 226, 231, 232, 244, 255] {
        #expect(XtermPalette.nearest256(XtermPalette.colors[index]) == UInt8(index))
    }
    #expect(XtermPalette.colors.count == 256)
    #expect(XtermPalette.colors[16 + 36 * 5 + 6 * 5 + 5] == RGB(255, 255, 255))
}

@Test func depthResolvesToTheRightKindOfColour() {
    let orange = RGB(255, 110, 94)
    #expect(ColorDepth.trueColor.resolve(orange) == .rgb(255, 110, 94))
    #expect(ColorDepth.palette256.resolve(orange) == .indexed(203))
    #expect(ColorDepth.ansi16.resolve(orange) == .indexed(9))
    #expect(ColorDepth.none.resolve(orange) == .default)
}

@Test func hexColoursParseAndPrint() {
    #expect(RGB(hex: "#1A2b3c") == RGB(0x1a, 0x2b, 0x3c))
    #expect(RGB(hex: "#1a2b3c")?.description == "#1a2b3c")
    #expect(RGB(hex: "1a2b3c") == nil)
    #expect(RGB(hex: "#1a2b3") == nil)
    #expect(RGB(hex: "#gg0000") == nil)
    #expect(RGB(hex: "#+12345") == nil)
}

@Test(
    arguments: [
        ([:], nil, ColorDepth.none),
        (["TERM": "xterm"], nil, .ansi16),
        (["TERM": "xterm-256color"], nil, .palette256),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], 256, .trueColor),
        (["TERM": "xterm", "COLORTERM": "24bit"], nil, .trueColor),
        (["TERM": "xterm-256color", "NO_COLOR": "1", "COLORTERM": "truecolor"], 256, .none),
        (["TERM": "xterm-256color", "NO_COLOR": ""], 256, .palette256),
        (["TERM": "dumb", "COLORTERM": "truecolor"], 256, .none),
        (["TERM": "screen"], 8, .ansi16),
        (["TERM": "xterm-256color"], 16, .ansi16),
        (["TERM": "vt100"], 0, .none),
    ] as [([String: String], Int?, ColorDepth)])
func colorDepthDetection(environment: [String: String], colors: Int?, expected: ColorDepth) {
    #expect(ColorDepth.detect(environment: environment, terminalColors: colors) == expected)
}
