import AttentionCore
import Foundation
import Rendering
import TestSupport
import Testing
import Training

@testable import attnview

/// Golden frames of the training lab: its runs stepped here, on this thread, to a fixed step (the
/// training is seeded, so the picture is too). Regenerate on purpose with
/// `UPDATE_GOLDEN=1 swift test --filter LabGoldenTests` and read the diff.
@Suite struct LabGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let width: Int
        let height: Int
        let steps: Int
        var grid = false
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "lab-80x24", width: 80, height: 24, steps: 250),
        Case(name: "lab-200x60", width: 200, height: 60, steps: 120),
        Case(name: "lab-grid-80x24", width: 80, height: 24, steps: 250, grid: true),
    ]

    /// The lab of `golden` on its opening settings, its runs' histories made up (training in a
    /// debug build is too slow for a golden): one learns, one crawls, one stays put, one diverges
    /// half way; attention flat, sharpening, one-hot on the wrong key, and on the target.
    static func frame(_ golden: Case) -> Frame {
        var state = reduce(LabReducerTests.start, .openLab).state
        state.width = golden.width
        state.height = golden.height
        if golden.grid, let lab = state.lab {
            state.lab?.gridOpen = true
            let losses = Dictionary(
                uniqueKeysWithValues: (0..<30).map { ($0, $0 % 7 == 6 ? Double.infinity : Double($0) / 40) })
            state.lab?.gridProgress = GridProgress(plan: lab.gridPlan, finalLosses: losses)
        }
        var picture = state.lab!.picture(scale: .sqrtDk, alpha: 1)
        let steps = golden.steps
        let shapes: [(Double) -> Double] = [
            { _ in 0.94 }, { 0.94 * exp(-$0 / 30) + 0.01 }, { 0.94 - $0 / 1000 }, { 0.9 / (1 + $0 / 10) },
        ]
        let verdicts = ["stuck", "learned", "crawling", "diverged"]
        for index in picture.runs.indices {
            let count = index == 3 ? steps / 2 : steps
            picture.runs[index].losses = (0..<count).map { Float(shapes[index](Double($0))) }
            picture.runs[index].gradientNorms = (0..<count).map { Float(0.001 * Double(index + 1) * Double($0 + 1)) }
            picture.runs[index].verdict = verdicts[index]
            picture.runs[index].attention = attention(kind: index, n: 16)
        }
        let renderer = ScreenRenderer(theme: .fallback, depth: .trueColor)
        return renderer.renderLab(
            picture, status: "", showHelp: false, keys: KeyTable.standard.screen(for: state), width: golden.width,
            height: golden.height)
    }

    /// n × n attention: 0 flat, 1 sharp on the diagonal, 2 one-hot on key 0, 3 one-hot on the diagonal.
    static func attention(kind: Int, n: Int) -> [Float] {
        (0..<n * n).map { cell in
            let (row, key) = (cell / n, cell % n)
            switch kind {
            case 0: return 1 / Float(n)
            case 1: return row == key ? 0.6 : 0.4 / Float(n - 1)
            case 2: return key == 0 ? 1 : 0
            default: return row == key ? 1 : 0
            }
        }
    }

    @Test(arguments: cases)
    func frameMatchesGolden(_ golden: Case) throws {
        try GoldenFile("LabGolden/\(golden.name).txt").check(Self.frame(golden).plainText())
    }
}
