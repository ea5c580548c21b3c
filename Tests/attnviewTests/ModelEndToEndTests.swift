import Foundation
import Testing

/// The model view in a real terminal: the tiny test model (scripts/make_model_fixtures.py), so CI
/// needs no download. One flow, as a student would use it: read the tokens, step a head and a layer,
/// type a new UTF-8 text, open and close the heads grid, save, quit.
@Suite(.serialized) struct ModelEndToEndTests {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

    @Test func wholeModelFlowFromTokensToSnapshot() throws {
        let session = try TmuxSession(
            arguments: ["--model", Self.tinyModel, "--text", "The cat sat on the mat.", "--snapshot-dir", "."],
            width: 120, height: 40)
        var screen = try session.waitFor("the tokens on screen") {
            $0.contains("attention · layer 0 head 0") && $0.contains("[CLS]") && $0.contains("mat")
        }
        #expect(screen.contains("▶ [CLS] "), "row 0, its token marked")
        #expect(screen.contains("[CLS] (0) attends to"))

        try session.send(".")
        try session.waitFor("head 1") { $0.contains("attention · layer 0 head 1") }
        try session.send("NPage")
        try session.waitFor("layer 1") { $0.contains("attention · layer 1 head 1") }
        try session.send("NPage")
        try session.waitFor("layer 0 again: the layers wrap") { $0.contains("attention · layer 0 head 1") }

        try session.send("/")
        try session.waitFor("the editor, pre-filled") { $0.contains("text ▸ The cat sat on the mat.") }
        try session.send("C-u")
        try session.send("-l", "the 猫 was too tired")
        try session.waitFor("the typed text") { $0.contains("text ▸ the 猫 was too tired") }
        try session.send("Enter")
        screen = try session.waitFor("the new tokens") {
            $0.contains("猫") && $0.contains("tired") && !$0.contains("text ▸")
        }
        #expect(screen.contains("attention · layer 0 head 1"), "a new text keeps the layer and head")
        #expect(!screen.contains("mat"), "the old text is gone")

        try session.send("g")
        try session.waitFor("the heads grid") {
            $0.contains("heads at s = 2.000 · layer 0 head 1") && $0.contains("L1") && $0.contains("H1")
        }
        try session.send("Down", "Enter")
        try session.waitFor("the grid's head opened") {
            $0.contains("attention · layer 1 head 1") && !$0.contains("heads at s")
        }
        try session.send("g")
        try session.waitFor("the grid again") { $0.contains("heads at s = 2.000 · layer 1 head 1") }
        try session.send("Escape")
        try session.waitFor("Esc closes the grid") {
            !$0.contains("heads at s") && $0.contains("attention · layer 1 head 1")
        }
        try session.send("Escape")
        usleep(200_000)
        #expect(try session.screen().contains("attention · layer 1 head 1"), "Esc with nothing open does not quit")

        try session.send("s")
        try session.waitFor("the save") { $0.contains("saved attnview-") }
        let files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        let names = files.filter { $0.hasPrefix("attnview-") && $0.hasSuffix("-L1H1-sqrt.txt") }
        #expect(names.count == 1, "\(files)")
        if let name = names.first {
            let saved = try String(contentsOf: session.directory.appendingPathComponent(name), encoding: .utf8)
            let first = saved.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.contains("--text 'the 猫 was too tired'") && first.contains("--layer 1 --head 1"))
            #expect(saved.contains("猫 (") || saved.contains(" 猫 "), "the picture carries the tokens")
        }

        try session.send("q")
        try session.waitFor("attnview to exit") { $0.contains(TmuxSession.exitMarker + " status=0") }
    }
}
