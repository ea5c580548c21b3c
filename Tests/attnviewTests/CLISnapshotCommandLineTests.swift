import AttentionCore
import Testing

@testable import attnview

@Test func commandLineSpellsOutWhatIsNotDefault() {
    let params = AttentionParams(
        n: 32, m: 48, dk: 128, seed: 9, sigma: 0.5, rho: 0.25, scale: .dk, alpha: 2, causal: true)
    let line = SnapshotCommandLine(
        params: params, theme: "magma", noColor: false, ascii: true, format: "ansi", width: 100, height: 30,
        colors: "256")
    #expect(
        line.text == "attnview snapshot --n 32 --m 48 --dk 128 --seed 9 --sigma 0.5 --rho 0.25 --scale dk --alpha 2 "
            + "--causal --theme magma --ascii --format ansi --colors 256 --width 100 --height 30")
}

@Test func commandLineQuotesPathsForTheShell() {
    let params = AttentionParams(n: 3, m: 5, dk: 4, scale: .fixed(2.5), source: .files(q: "my q.npy", k: "it's/k.npy"))
    let line = SnapshotCommandLine(
        params: params, theme: "default", noColor: true, ascii: false, format: "text", width: 80, height: 24,
        colors: nil)
    #expect(
        line.text == "attnview snapshot --q 'my q.npy' --k 'it'\\''s/k.npy' --dk 4 --scale 2.5 --no-color "
            + "--format text --width 80 --height 24")
    #expect(SnapshotCommandLine.shellQuoted("") == "''")
    #expect(SnapshotCommandLine.shellQuoted("plain/path-1.npy") == "plain/path-1.npy")
}
