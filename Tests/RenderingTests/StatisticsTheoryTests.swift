import AttentionCore
import Foundation
import Testing

@testable import Rendering

/// The statistics panel's theory column follows rho: the issue's --rho 0.2 --dk 512 --n 128 showed 0.0.
@Test func theoryColumnShowsTheLogitMeanWithRho() throws {
    let result = try AttentionEngine().compute(AttentionParams(n: 128, dk: 512, rho: 0.2))
    let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
        result: result, curve: [], view: ViewState(), keys: .sample(), width: 120, height: 40)
    let line = try #require(frame.plainText().split(separator: "\n").first { $0.contains("logit mean") })
    let theory = try #require(LogitTheory(params: result.params, divisor: result.divisor))
    #expect(abs(theory.mean - 0.0354) < 1e-4)
    #expect(line.contains(" 0.0354 "), "\(line)")
}

@Test func theoryColumnIsEmptyForFileInputs() throws {
    let panel = StatisticsPanel(
        stats: try AttentionEngine().compute(AttentionParams()).stats, logitMeanExpected: nil, ascii: false)
    #expect(panel.allRows[0].label == "logit mean" && panel.allRows[0].theory == nil)
}

/// Every column keeps at least one space between values, whatever their widths: the issue's
/// d_k 1024, 256 tokens, alpha 6.727 read `logit std       0.14790.1487`. Values of every width
/// (exponent form, units to thousands, negative) at every panel width.
@Test func measuredAndTheoryNeverRunTogether() throws {
    var generator = SystemRandomNumberGenerator()
    func value() -> Double {
        let magnitude = pow(10, Double.random(in: -9...4, using: &generator))
        return Bool.random(using: &generator) ? -magnitude : magnitude
    }
    for _ in 0..<300 {
        let stats = AttentionStatistics(
            logitMean: value(), logitStd: abs(value()), logitStdExpected: abs(value()), entropyMean: abs(value()),
            entropyNormalizedMean: abs(value()), maxWeightMean: abs(value()), effectiveTokensMean: abs(value()),
            jacobianFroMean: abs(value()), scoreGradMean: abs(value()), scoreGradMedian: abs(value()),
            scoreGradMax: abs(value()), unsafeRowsFP16: 0, overflowRowsFP16: 0, unsafeRowsFP32: 0,
            overflowRowsFP32: 0, regime: .balanced)
        let panel = StatisticsPanel(stats: stats, logitMeanExpected: value(), ascii: false)
        let width = Int.random(in: 30...70, using: &generator)
        var frame = Frame(width: width, height: 16)
        panel.draw(
            into: &frame, area: Rect(x: 0, y: 0, width: width, height: 16),
            styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false))
        for line in frame.plainText().split(separator: "\n") where line.hasPrefix(" logit") {
            let values = line.dropFirst(13).split(separator: " ")
            #expect(values.count == 2, "measured and theory apart: '\(line)' at width \(width)")
        }
    }
}

/// Without a theory (a model's heads, files) the panel has no "measured / theory" header.
@Test func noTheoryColumnHeaderWithoutATheory() throws {
    var stats = try AttentionEngine().compute(AttentionParams()).stats
    stats.logitStdExpected = nil
    var frame = Frame(width: 60, height: 16)
    StatisticsPanel(stats: stats, logitMeanExpected: nil, ascii: false).draw(
        into: &frame, area: Rect(x: 0, y: 0, width: 60, height: 16),
        styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false))
    #expect(!frame.plainText().contains("theory"))
    #expect(!frame.plainText().contains("measured"))
}

/// At 120 × 40 the logits panel keeps naming its theory curve when σ ≥ 10 (`--dk 128 --scale
/// none`): the number is shortened, the title stays.
@Test func logitsPanelKeepsTheTheoryTitleForAWideSigma() throws {
    let result = try AttentionEngine().compute(AttentionParams(dk: 128, scale: .none))
    let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
        result: result, curve: [], view: ViewState(), keys: .sample(), width: 120, height: 40)
    let line = try #require(frame.plainText().split(separator: "\n").first { $0.contains("─ logits ") })
    #expect(line.contains("theory N(0,11.3²)"), "\(line)")
}

/// The logits histogram draws no tick glyph of its own (`▇▇┴` read as a stray character with no
/// legend): its ±σ labels stand under the axis alone.
@Test func logitsHistogramHasNoStrayTick() throws {
    for params in [AttentionParams(dk: 128, scale: .none), AttentionParams(n: 256, dk: 1024, alpha: 6.727)] {
        let result = try AttentionEngine().compute(params)
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
                result: result, curve: [], view: ViewState(), keys: .sample(), width: width, height: height)
            #expect(!frame.plainText().contains("┴"), "\(width)×\(height)")
        }
    }
}
