import AttentionCore
import Foundation
import Glibc
import Rendering
import Testing

@testable import attnview

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The view's snapshot format (`--snapshot-format`, `f`) and the round trip of what `s` saves:
/// run the command in its header and get the same bytes, whatever row, view, status or help the
/// screen had.
@Suite(.serialized) struct SnapshotFormatTests {
    private func picture(view: ViewState, width: Int = 100, height: Int = 30) throws -> SnapshotPicture {
        let engine = AttentionEngine()
        let params = AttentionParams(n: 24, dk: 32, seed: 4, causal: true)
        return SnapshotPicture(
            result: try engine.compute(params), curve: try engine.divisorCurve(params), theme: .fallback,
            themeName: "default", view: view, width: width, height: height, ascii: false)
    }

    /// The command a document names: the `<title>` of SVG, else the first header line.
    private func command(in document: String) throws -> [String] {
        let line =
            document.firstMatch(of: /<title>([^<]*)<\/title>/).map { String($0.output.1) }
            ?? String(document.split(separator: "\n").first?.dropFirst(2) ?? "")
        let words = line.split(separator: " ").map(String.init)
        try #require(words.first == "attnview" && words.dropFirst().first == "snapshot", "\(line)")
        return Array(words.dropFirst())
    }

    @Test(arguments: SnapshotFormat.allCases)
    func savedDocumentIsWhatItsHeaderCommandPrints(format: SnapshotFormat) throws {
        let screen = ViewState(heatmap: .logits, selectedRow: 17, showHelp: true, status: "saved x.txt", playing: true)
        let document = try picture(view: screen).document(format, depth: .palette256)
        let arguments = try command(in: document)
        #expect(arguments.contains("--row") && arguments.contains("17"))
        #expect(arguments.contains("logits") && arguments.contains("--causal"))
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdoutText == document, "\(arguments.joined(separator: " "))")
    }

    @Test func aSnapshotShowsTheRowAndHeatmapButNotTheMomentsStatusOrHelp() throws {
        let text = try picture(view: ViewState(heatmap: .logits, selectedRow: 99, showHelp: true, status: "boo"))
            .text
        #expect(text.contains("▶"), "the selected row is marked; the header below names it, clamped to 23")
        #expect(!text.contains("boo") && !text.contains("? closes"))
        #expect(
            text.hasPrefix("# attnview snapshot --n 24 --dk 32 --seed 4 --scale sqrt --causal --view logits --row 23 "))
    }

    @Test func theFormatKeyCyclesTextSVGANSIAndSaysWhatSWillWrite() {
        var state = AppState(
            params: AttentionParams(), themeName: "default", themeNames: ["default"], width: 120, height: 40)
        var seen: [SnapshotFormat] = []
        for _ in 0..<3 {
            let (next, effects) = reduce(state, KeyTable.standard.action(for: .character("f"), in: .view))
            #expect(effects.isEmpty)
            seen.append(next.snapshotFormat)
            #expect(
                next.view.status == "s saves \(next.snapshotFormat.rawValue) (.\(next.snapshotFormat.fileExtension))")
            state = next
        }
        #expect(seen == [.svg, .ansi, .text])
        #expect(SnapshotFormat.allCases.map(\.fileExtension) == ["txt", "svg", "ans"])
    }

    @Test func filesTakeTheFormatsExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = SnapshotFiles(directory: folder.path)
        let paths = try files.write(stem: "a", text: "<svg/>", fileExtension: "svg", json: { $0.write("{}") })
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.svg", "a.json"])
        let again = try files.write(stem: "a", text: "<svg/>", fileExtension: "svg", json: nil)
        #expect(again.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a-2.svg"])
    }

    /// The real view: start on row 5 of the logits with `--snapshot-format svg`, move a row, save;
    /// the `.svg` file is what its title's command prints. Then `f` switches to ANSI.
    @Test func theViewSavesSVGThatItsTitleReproduces() throws {
        try #require(TmuxSession.isAvailable)
        let session = try TmuxSession(arguments: [
            "--snapshot-dir", ".", "--n", "16", "--dk", "32", "--row", "5", "--view", "logits",
            "--snapshot-format", "svg",
        ])
        try session.waitFor("the logits view on row 5") { $0.contains("logits view · row 5") }
        try session.send("j")
        try session.waitFor("row 6") { $0.contains("logits view · row 6") }
        try session.send("s")
        try session.waitFor("the saved path") { $0.contains("saved ") && $0.contains(".svg in") }
        var files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        let svg = try #require(files.first { $0.hasSuffix("-dk32-sqrt.svg") }, "\(files)")
        let saved = try String(contentsOf: session.directory.appendingPathComponent(svg), encoding: .utf8)
        #expect(XMLParser(data: Data(saved.utf8)).parse())
        let arguments = try command(in: saved)
        #expect(arguments.contains("--row") && arguments.contains("6") && arguments.contains("logits"))
        #expect(try CLIRunner.run(arguments).stdoutText == saved)

        try session.send("f")
        try session.waitFor("the new format") { $0.contains("s saves ansi (.ans)") }
        try session.send("s")
        try session.waitFor("the saved ANSI path") { $0.contains(".ans in") }
        files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        let ansi = try #require(files.first { $0.hasSuffix(".ans") }, "\(files)")
        let text = try String(contentsOf: session.directory.appendingPathComponent(ansi), encoding: .utf8)
        #expect(text.contains("\u{1B}[") && text.contains("--colors 256"), "the terminal's 256 colours")
        #expect(try CLIRunner.run(command(in: text)).stdoutText == text)
    }
}
