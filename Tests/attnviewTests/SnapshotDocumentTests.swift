import AttentionCore
import TestSupport
import Testing

@testable import Rendering
@testable import attnview

private func snapshotFrame() throws -> (Frame, SnapshotHeader) {
    let result = try SampleResults.make(n: 16)
    let frame = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
        result: result, curve: try SampleResults.curve(), view: ViewState(), keys: .app(ViewState()), width: 80,
        height: 24)
    return (frame, SnapshotHeader(commandLine: "attnview snapshot --n 16 --seed 1", result: result))
}

@Test func textSnapshotHasHeaderThenPlainFrame() throws {
    let (frame, header) = try snapshotFrame()
    let text = SnapshotDocument.text(frame: frame, header: header)
    #expect(
        text.hasPrefix(
            "# attnview snapshot --n 16 --seed 1\n# params: n=16 m=16 d_k=64 scale=sqrt alpha=1 divisor=8 seed=1"))
    for name in [
        "logit_mean", "logit_std", "entropy_mean", "entropy_normalized_mean", "max_weight_mean",
        "effective_tokens_mean", "jacobian_fro_mean", "score_grad_mean", "score_grad_median", "score_grad_max",
        "unsafe_rows_fp16", "overflow_rows_fp16", "unsafe_rows_fp32", "overflow_rows_fp32", "regime",
    ] {
        #expect(text.contains("#   \(name) "), "\(name) in the header")
    }
    #expect(text.contains("(expected 1)"))
    #expect(text.hasSuffix(frame.plainText()))
    #expect(!text.contains("\u{1B}"))
}

@Test func ansiSnapshotIsTheSameFrameInColour() throws {
    let (frame, header) = try snapshotFrame()
    let ansi = SnapshotDocument.ansi(frame: frame, header: header)
    #expect(ansi.contains("\u{1B}[38;2;"))
    let stripped = ansi.replacing(/\x1B\[[0-9;]*m/, with: "").split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingWhitespace() }
    let plain = SnapshotDocument.text(frame: frame, header: header).split(
        separator: "\n", omittingEmptySubsequences: false
    )
    .map { $0.trimmingWhitespace() }
    #expect(stripped == plain)
}

@Test func snapshotDocumentsAreDeterministic() throws {
    let (first, header) = try snapshotFrame()
    let (second, _) = try snapshotFrame()
    #expect(SnapshotDocument.ansi(frame: first, header: header) == SnapshotDocument.ansi(frame: second, header: header))
}
