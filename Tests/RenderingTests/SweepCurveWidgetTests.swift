import AttentionCore
import Foundation
import TestSupport
import Testing

@testable import Rendering

/// The divisor curve reads without colour: an axis title, ticks over ±6 octaves, a key naming
/// each series by its shape, the fp16 strip and the sampling note.
@Suite struct SweepCurveWidgetTests {
    private func sweepLines(
        _ params: AttentionParams, depth: ColorDepth = .trueColor, ascii: Bool = false, width: Int = 120,
        height: Int = 40
    ) throws -> [String] {
        let (result, curve) = try SampleResults.withCurve(params)
        let frame = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii).render(
            result: result, curve: curve, view: ViewState(), keys: .sample(), width: width, height: height)
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

    /// Beside the readout where there is room (at 120 × 40 the readout takes the line).
    @Test func subsampledCurveSaysHowManyRows() throws {
        let lines = try sweepLines(AttentionParams(n: 256, dk: 16), width: 200, height: 60)
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

/// The band's median edge, drawn to an eighth of a cell, and the readout of its peak.
@Suite struct SweepBandResolutionTests {
    static let lowerBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]

    /// At each column, the band's bottom edge lies within half a cell of where the median gradient
    /// (log-interpolated between the curve's points) falls on the axis its decade labels give.
    @Test(arguments: [(120, 40), (160, 48), (200, 60)])
    func drawnMedianSitsWithinHalfACellOfItsValue(width: Int, height: Int) throws {
        let params = AttentionParams(n: 32, dk: 64, seed: 1)
        let (result, curve) = try SampleResults.withCurve(params)
        let frame = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
            result: result, curve: curve, view: ViewState(), keys: .sample(), width: width, height: height)
        let lines = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("divisor sweep") })
        let strip = try #require(lines.indices.first { $0 > top && lines[$0].contains("│fp16") })
        let left = try #require(Array(lines[top]).firstIndex(of: "╭")) + 1
        let right = try #require(Array(lines[top]).lastIndex(of: "╮"))
        let plotX = left + 6, plotWidth = right - left - 10, rows = strip - top - 1
        func label(_ row: Int) -> Double? {
            let text = String(Array(lines[top + 1 + row])[left..<(left + 5)]).trimmingCharacters(in: .whitespaces)
            return Double(text)
        }
        let upper = log10(try #require(label(0))), lower = log10(try #require(label(rows - 1)))
        let octaves = curve.map(\.octaves)
        var checked = 0
        for column in 0..<plotWidth {
            let octave = octaves[0] + (octaves.last! - octaves[0]) * Double(column) / Double(plotWidth - 1)
            let upperIndex = try #require(octaves.firstIndex { $0 >= octave - 1e-12 })
            let lowerIndex = max(0, upperIndex - 1)
            let span = octaves[upperIndex] - octaves[lowerIndex]
            let fraction = span > 0 ? (octave - octaves[lowerIndex]) / span : 0
            let logMedian =
                log10(curve[lowerIndex].scoreGradMedian) * (1 - fraction)
                + log10(curve[upperIndex].scoreGradMedian) * fraction
            let t = (upper - logMedian) / (upper - lower)
            guard t > 0, t < 1 else { continue }
            let expected = 0.5 + t * Double(rows - 1)
            var edge: Double?
            for row in stride(from: rows - 1, through: 0, by: -1) {
                let cell = frame[plotX + column, top + 1 + row]
                if cell.character == "░" {
                    edge = Double(row + 1)
                } else if let index = Self.lowerBlocks.firstIndex(of: cell.character) {
                    edge = cell.attributes.contains(.reverse) ? Double(row) + Double(7 - index) / 8 : Double(row + 1)
                } else if cell.character != " " && cell.character != "┊" {
                    break  // the entropy line hides the edge in this column
                } else {
                    continue
                }
                break
            }
            guard let edge else { continue }
            #expect(abs(edge - expected) <= 0.5, "column \(column): edge \(edge), value at \(expected)")
            checked += 1
        }
        #expect(checked >= plotWidth / 2, "the edge is readable in most columns (\(checked) of \(plotWidth))")
    }

    @Test func readoutNamesWhereTheMedianGradientPeaksAndItsValueNow() throws {
        let (result, curve) = try SampleResults.withCurve(AttentionParams(n: 32, dk: 64, seed: 1))
        let text = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
            result: result, curve: curve, view: ViewState(), keys: .sample(), width: 200, height: 60
        ).plainText()
        let peak = try #require(curve.max { $0.scoreGradMedian < $1.scoreGradMedian })
        let multiple = NumberFormat.fixed(pow(2, peak.octaves), 3)
        let value = NumberFormat.exponentOrFixed(peak.scoreGradMedian)
        let now = NumberFormat.exponentOrFixed(result.stats.scoreGradMedian)
        #expect(text.contains("grad median peaks at s = \(multiple)·√d_k: \(value) · now \(now)"), "\(text)")
        #expect(text.contains("grad median   \(now)"), "now is the statistics panel's median")
    }
}

extension String {
    fileprivate func distance(of piece: String) -> Int {
        guard let range = range(of: piece) else { return -1 }
        return distance(from: startIndex, to: range.lowerBound)
    }
}
