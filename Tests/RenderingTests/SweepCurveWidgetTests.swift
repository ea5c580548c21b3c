import AttentionCore
import Testing

@testable import Rendering

/// The divisor curve reads without colour: an axis title, ticks over ±6 octaves, a key naming
/// each series by its shape, the fp16 strip and the sampling note.
@Suite struct SweepCurveWidgetTests {
    private func sweepLines(_ params: AttentionParams, depth: ColorDepth = .trueColor, ascii: Bool = false)
        throws -> [String]
    {
        let (result, curve) = try SampleResults.withCurve(params)
        let frame = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii).render(
            result: result, curve: curve, view: ViewState(), keys: .app(ViewState()), width: 120, height: 40)
        let lines = frame.plainText().split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.contains("divisor sweep") })
        return Array(lines[start...])
    }

    @Test func axisIsNamedAndTickedOverTwelveOctaves() throws {
        let lines = try sweepLines(AttentionParams(n: 32))
        #expect(lines.contains { $0.contains("log2(s/√d_k)") })
        let ticks = try #require(lines.first { $0.contains("▲now") })
        for label in ["-6", "-3", "+3", "+6"] { #expect(ticks.contains(label), "tick \(label)") }
        #expect(lines[0].contains("⠤⠤ H/ln m, right") && lines[0].contains("░░ grad median–max, left"))
        #expect(!lines.joined().contains("÷"), "no per-curve scaling factors left to explain")
    }

    @Test func stripMarksWhereNaiveFP16BreaksAndTheBandSpansDecades() throws {
        let lines = try sweepLines(AttentionParams(n: 32))
        let strip = try #require(lines.first { $0.contains("fp16") })
        #expect(strip.contains("━━━━") && strip.contains("naive softmax out of range"))
        // The unsafe stretch is at the small-divisor end (left), not around √d_k.
        let left = try #require(strip.firstIndex(of: "━")), now = try #require(lines.first { $0.contains("▲now") })
        #expect(strip.distance(from: strip.startIndex, to: left) < now.distance(of: "▲now"))
        #expect(lines.contains { $0.contains("1e-2") })
        #expect(lines.contains { $0.contains("░") })
    }

    @Test func safeEverywhereSaysSo() throws {
        // σ = 0.1 makes q·k ≈ 0.02: even at s = √d_k/64 the logits stay near 1, the sums near m.
        let lines = try sweepLines(AttentionParams(n: 16, dk: 4, sigma: 0.1))
        #expect(lines.contains { $0.contains("naive softmax in range at every s") })
    }

    @Test func subsampledCurveSaysHowManyRows() throws {
        let lines = try sweepLines(AttentionParams(n: 256, dk: 16))
        #expect(lines.contains { $0.contains("41 of 256 rows sampled") })
    }

    @Test func asciiAndNoColorKeepEverySeriesDistinct() throws {
        let ascii = try sweepLines(AttentionParams(n: 32), depth: .palette256, ascii: true)
        #expect(ascii[0].contains("* H/ln m, right") && ascii[0].contains(".. grad median-max, left"))
        #expect(ascii.contains { $0.contains("log2(s/sqrt(d_k))") })
        #expect(ascii.contains { $0.contains("=====") })
        let plain = try sweepLines(AttentionParams(n: 32), depth: .none)
        #expect(plain.contains { $0.contains("░") } && plain.contains { $0.contains("━━") })
    }
}

extension String {
    fileprivate func distance(of piece: String) -> Int {
        guard let range = range(of: piece) else { return -1 }
        return distance(from: startIndex, to: range.lowerBound)
    }
}
