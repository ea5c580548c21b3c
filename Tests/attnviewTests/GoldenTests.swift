import AttentionCore
import Foundation
import TestSupport
import Testing

@testable import Rendering
@testable import attnview

/// Golden frames: plain text of representative screens with the app's keys, compared as text.
/// Regenerate on purpose with `UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
struct GoldenTests {
    static let width = 80, height = 24

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let params: AttentionParams
        var view = ViewState()
        var depth = ColorDepth.trueColor
        var ascii = false
        var width = GoldenTests.width
        var height = GoldenTests.height
        /// Draw the split view of `b` (the standard divisor beside this one).
        var compare = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "balanced", params: AttentionParams(), view: ViewState(selectedRow: 10)),
        Case(name: "flat", params: AttentionParams(scale: .dk)),
        Case(name: "peaked", params: AttentionParams(dk: 256, scale: .none)),
        Case(name: "causal", params: AttentionParams(causal: true), view: ViewState(selectedRow: 40)),
        Case(name: "n-not-m", params: AttentionParams(n: 8, m: 12, causal: true)),
        Case(name: "pooled", params: AttentionParams(n: 256, dk: 16)),
        Case(name: "logits", params: AttentionParams(), view: ViewState(heatmap: .logits)),
        Case(name: "tiny-terminal", params: AttentionParams(), width: 60, height: 20),
        Case(name: "no-color", params: AttentionParams(causal: true), depth: .none),
        Case(name: "ascii", params: AttentionParams(causal: true), depth: .palette256, ascii: true),
        Case(name: "help", params: AttentionParams(), view: ViewState(showHelp: true)),
        Case(
            name: "wide-120x40", params: AttentionParams(n: 32), view: ViewState(selectedRow: 3), width: 120, height: 40
        ),
        Case(name: "compare-80x24", params: AttentionParams(dk: 256, scale: .none), compare: true),
        Case(
            name: "compare-120x40", params: AttentionParams(n: 32, dk: 64, scale: .sqrtDk, alpha: 0.125),
            view: ViewState(heatmap: .logits, selectedRow: 5), width: 120, height: 40, compare: true),
    ]

    @Test(arguments: cases)
    func frameMatchesGolden(_ golden: Case) throws {
        let renderer = ScreenRenderer(theme: .fallback, depth: golden.depth, ascii: golden.ascii)
        let (result, curve) = try SampleResults.withCurve(golden.params)
        let frame =
            golden.compare
            ? renderer.renderComparison(
                result: result, baseline: try AttentionEngine().compute(golden.params.standardBaseline),
                view: golden.view, keys: .app(golden.view), width: golden.width, height: golden.height)
            : renderer.render(
                result: result, curve: curve, view: golden.view, keys: .app(golden.view), width: golden.width,
                height: golden.height)
        try GoldenFile("Golden/\(golden.name).txt").check(frame.plainText())
    }

    @Test func asciiFramesUseNoBoxDrawingOrBlocks() throws {
        let frame = ScreenRenderer(theme: .fallback, depth: .palette256, ascii: true).render(
            result: try SampleResults.make(causal: true), curve: try SampleResults.curve(),
            view: ViewState(showHelp: true), keys: .app(ViewState(showHelp: true)), width: 120, height: 40)
        #expect(frame.plainText().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func noColorFramesCarryNoColours() throws {
        let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
            result: try SampleResults.make(), curve: try SampleResults.curve(), view: ViewState(),
            keys: .app(ViewState()), width: 120,
            height: 40)
        #expect(frame.cells.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(frame.plainText().contains("@") || frame.plainText().contains("%"))
    }

    @Test func pooledScreenSaysByHowMuch() throws {
        let frame = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
            result: try SampleResults.make(n: 256, dk: 16), curve: [], view: ViewState(), keys: .app(ViewState()),
            width: 80, height: 24)
        #expect(frame.plainText().contains("max 12×12"), "each cell shows its 12×12 block's largest weight")
    }

    @Test func everySizeFromTinyToHugeRendersWithoutTrapping() throws {
        let result = try SampleResults.make(n: 5, m: 3, causal: true)
        for (width, height) in [
            (0, 0), (1, 1), (79, 24), (80, 23), (80, 24), (81, 25), (119, 35), (120, 36), (300, 100),
        ] {
            let frame = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
                result: result, curve: try SampleResults.curve(), view: ViewState(selectedRow: 99, showHelp: true),
                keys: .app(ViewState(selectedRow: 99, showHelp: true)), width: width, height: height)
            #expect(frame.width == width && frame.height == height)
        }
    }
}
