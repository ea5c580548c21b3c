import Foundation
import Testing

@testable import attnview

/// Text attnview did not write never reaches the terminal with raw control characters (issue 17,
/// point 8): snapshot headers, stderr, `attnview themes` and the status line show them escaped.
@Suite struct CLIControlCharacterTests {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

    /// Bytes a terminal would act on: C0 controls but newline, DEL, and the UTF-8 of C1 controls.
    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    /// The header's command line quotes such a text as `$'…'`, which the shell reads back as the
    /// very same text, and the header holds no control character.
    @Test func aTextWithEscapesIsQuotedVisiblyInTheSnapshotHeader() throws {
        let text = "The cat\u{1B}[31m sat\u{07} 'ok' \\ \u{9B}"
        let outcome = try CLIRunner.run(
            ["snapshot", "--model", Self.tinyModel, "--text", text, "--width", "80", "--height", "24"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(Self.controls(in: outcome.stdoutText).isEmpty)
        let first = outcome.stdoutText.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(#"--text $'The cat\x1b[31m sat\x07 \'ok\' \\ \u009b'"#), "\(first)")
    }

    @Test func shellQuotingSpellsControlsSoTheShellReadsThemBack() {
        #expect(SnapshotCommandLine.shellQuoted("a\u{1B}b") == #"$'a\x1bb'"#)
        #expect(SnapshotCommandLine.shellQuoted("it's\n") == #"$'it\'s\x0a'"#)
        #expect(SnapshotCommandLine.shellQuoted("it's") == #"'it'\''s'"#, "no control: plain single quotes")
    }

    @Test func fileNamesInErrorsAreEscaped() throws {
        let outcome = try CLIRunner.run(["snapshot", "--q", "/tmp/no\u{1B}]0;x\u{07}.npy", "--k", "k.npy"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.hasPrefix(#"attnview: /tmp/no\x1b]0;x\x07.npy: "#), "\(outcome.stderr)")
        #expect(Self.controls(in: outcome.stderr).isEmpty)
    }

    @Test func themeNamesFromTheUsersFolderAreEscaped() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("attnview/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("weights = [".utf8).write(to: folder.appendingPathComponent("ev\u{1B}[2Jil.toml"))
        let outcome = try CLIRunner.run(["themes"], environment: ["XDG_CONFIG_HOME": scratch.url.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdoutText.contains(#"ev\x1b[2Jil"#), "\(outcome.stdoutText)")
        #expect(Self.controls(in: outcome.stdoutText).isEmpty)
    }
}
