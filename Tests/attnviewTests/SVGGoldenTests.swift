import AttentionCore
import TestSupport
import Testing

@testable import Rendering

/// SVG snapshots of whole screens with the app's keys, as golden documents (regenerate on purpose
/// with `UPDATE_GOLDEN=1 swift test --filter SVGGoldenTests` and review the diff).
struct SVGGoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        let name: String
        let theme: String
        let width: Int
        let height: Int
        var params = AttentionParams()
        var testDescription: String { name }
    }

    static let goldens = [
        Golden(name: "default-80x24", theme: "default", width: 80, height: 24),
        Golden(name: "default-100x30", theme: "default", width: 100, height: 30, params: AttentionParams(n: 12)),
        Golden(name: "light-80x24", theme: "light", width: 80, height: 24, params: AttentionParams(n: 12)),
        Golden(name: "light-100x30", theme: "light", width: 100, height: 30, params: AttentionParams(causal: true)),
    ]

    @Test(arguments: goldens)
    func documentMatchesGolden(_ golden: Golden) throws {
        let theme = try ThemeCatalog(environment: [:]).load(golden.theme)
        let (result, curve) = try SampleResults.withCurve(golden.params)
        let frame = ScreenRenderer(theme: theme, depth: .trueColor).render(
            result: result, curve: curve, view: ViewState(), keys: .app(ViewState()), width: golden.width,
            height: golden.height)
        let svg = FrameSVG(palette: SVGPalette(theme: theme)).document(frame, title: "golden \(golden.name)")
        try GoldenFile("Golden/svg-\(golden.name).svg").check(svg)
    }
}
