import AttentionCore
import Rendering
import Testing

@testable import attnview

@Suite struct SnapshotPictureTests {
    private func picture(view: ViewState = ViewState()) throws -> SnapshotPicture {
        let engine = AttentionEngine()
        let params = AttentionParams(n: 8, dk: 16)
        return SnapshotPicture(
            result: try engine.compute(params), curve: try engine.divisorCurve(params), theme: .fallback,
            themeName: "default", view: view, width: 80, height: 24, ascii: false)
    }

    @Test func textIsTheColourlessScreenUnderItsCommand() throws {
        let text = try picture().text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "# attnview snapshot --n 8 --dk 16 --seed 0 --scale sqrt --format text --width 80 --height 24")
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("attention weights") && !text.contains("q quit"), "a caption, not the key hints")
        #expect(text.contains("\n random Q, K (seed 0, σ 1) · n = m = 8 · d_k 16 · s = √d_k = 4.000\n"))
    }

    @Test func ansiNamesItsColoursOrNoColourInTheHeader() throws {
        let colour = try picture().ansi(depth: .palette256)
        #expect(
            colour.hasPrefix("# attnview snapshot") && colour.contains("--colors 256") && colour.contains("\u{1B}["))
        let plain = try picture().ansi(depth: .none)
        #expect(plain.split(separator: "\n").first?.contains("--no-color") == true)
        #expect(!plain.split(separator: "\n").first!.contains("--colors"))
    }

    @Test func theViewOnScreenIsTheViewSaved() throws {
        let text = try picture(view: ViewState(heatmap: .logits, selectedRow: 3)).text
        #expect(text.contains("logits QKᵀ/s"))
        #expect(text.contains("row 3"))
    }
}
