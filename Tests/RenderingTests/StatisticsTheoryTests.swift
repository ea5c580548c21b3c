import AttentionCore
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
