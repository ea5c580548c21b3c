import Foundation
import Testing

/// Wide and combining text in a real terminal: the live view in tmux shows, cell for cell, what
/// the text snapshot of the same command prints, at 80×24 and 120×40, before and after `j` `k`
/// (no left-overs of earlier frames, the right border in place, `q quit` whole).
@Suite(.serialized) struct WideTextEndToEndTests {
    /// Words the test model's vocabulary gets in place of some of the tiny model's (same count, so
    /// the weights still fit): CJK, emoji with a modifier, a ZWJ family, RTL, a spacing vowel sign.
    static let words = ["東", "京", "猫", "😀", "👍🏽", "👨👩👧", "שלום", "مرحبا", "कि", "한국어", "❤️", "🇫🇷"]
    static let text = "東 京 猫 😀 👍🏽 👨‍👩‍👧 שלום مرحبا कि 한국어 ❤️ 🇫🇷 cat"

    /// A copy of the tiny model in a folder whose name is wide too (the parameter panel shows it).
    static func model(in directory: URL) throws -> String {
        let tiny = URL(fileURLWithPath: ModelEndToEndTests.tinyModel)
        let folder = directory.appendingPathComponent("模型👍🏽")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["config.json", "model.safetensors", "tokenizer_config.json"] {
            try FileManager.default.copyItem(
                at: tiny.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var vocabulary = try String(contentsOf: tiny.appendingPathComponent("vocab.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for (offset, word) in words.enumerated() { vocabulary[vocabulary.count - 1 - offset] = word }
        try (vocabulary.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// The frame lines of `attnview snapshot arguments… --format text` (the header dropped).
    static func snapshotLines(_ arguments: [String]) throws -> [String] {
        let output = try EndToEndTests.output(of: TmuxSession.binary.path, arguments + ["--format", "text"])
        let frame = try #require(output.range(of: "\n\n")).upperBound
        return output[frame...].split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func liveViewMatchesTheTextSnapshot(width: Int, height: Int) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = ["--model", try Self.model(in: scratch), "--text", Self.text, "--row", "2", "--no-color"]
        // The live screen's bottom line has the key hints, which a snapshot draws with --key-hints.
        let expected = try Self.snapshotLines(
            arguments + ["--width", "\(width)", "--height", "\(height)", "--key-hints"])
        #expect(expected.count == height)
        #expect(expected.joined().contains("東") && expected.joined().contains("猫"), "wide tokens on screen")
        let session = try TmuxSession(arguments: arguments, width: width, height: height)
        try session.waitFor("the first frame") { $0.contains("attends to") && $0.contains("q quit") }
        Self.expectSame(try Self.settled(session, on: expected), expected, "first frame")
        try session.send("j")
        try session.waitFor("row 3") { !$0.contains("京 (2) attends to") }
        try session.send("k")
        try session.waitFor("row 2 again") { $0.contains("京 (2) attends to") }
        Self.expectSame(try Self.settled(session, on: expected), expected, "after j k")
    }

    /// The screen once it shows `expected` whole, or the last one after `seconds`: a capture can land
    /// mid-repaint (ncurses writes top down), so a partly drawn frame is captured again, not failed.
    static func settled(_ session: TmuxSession, on expected: [String], seconds: Double = 5) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try session.screen()
        while !differences(last, expected).isEmpty, Date() < deadline {
            usleep(20_000)
            last = try session.screen()
        }
        return last
    }

    /// The lines of `screen` that differ from `expected`: (index, shown, expected).
    static func differences(_ screen: String, _ expected: [String]) -> [(Int, String, String)] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return expected.enumerated().compactMap { index, line in
            let shown = index < lines.count ? lines[index] : ""
            return shown == line ? nil : (index, shown, line)
        }
    }

    static func expectSame(
        _ screen: String, _ expected: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (index, shown, line) in differences(screen, expected) {
            #expect(shown == line, "\(what), line \(index)", sourceLocation: sourceLocation)
        }
    }
}
