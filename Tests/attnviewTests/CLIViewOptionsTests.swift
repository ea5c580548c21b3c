import AttentionCore
import Foundation
import Rendering
import Testing

@testable import attnview

/// `snapshot --row I --view weights|logits`: the header's command names the screen's row and view,
/// and running that command gives the same bytes.
@Test(arguments: ["text", "ansi", "svg"])
func headerCommandReproducesANonDefaultRowAndView(format: String) throws {
    let first = try CLIRunner.run([
        "snapshot", "--format", format, "--n", "24", "--dk", "32", "--seed", "4", "--row", "11", "--view", "logits",
        "--width", "100", "--height", "30",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let command = try #require(reproducingCommand(in: first.stdoutText))
    #expect(command.contains(" --view logits --row 11 "))
    let arguments = command.split(separator: " ").dropFirst().map(String.init)
    #expect(try CLIRunner.run(arguments).stdout == first.stdout)
    let defaults = try CLIRunner.run(["snapshot", "--format", format, "--n", "24", "--dk", "32", "--seed", "4"])
    #expect(defaults.stdout != first.stdout, "the row and view change the picture")
}

/// The command in a snapshot: the first header line of text and ANSI, the `<title>` of SVG.
private func reproducingCommand(in document: String) -> String? {
    if let title = document.firstMatch(of: /<title>(.*)<\/title>/) { return String(title.1) }
    return document.split(separator: "\n").first.map { String($0.dropFirst(2)) }
}

@Test func rowAndViewChangeWhatTheScreenShows() throws {
    let outcome = try CLIRunner.run([
        "snapshot", "--n", "24", "--row", "11", "--view", "logits", "--width", "120", "--height", "40", "--key-hints",
    ])
    #expect(outcome.stdoutText.contains("logits view · row 11"))
    #expect(outcome.stdoutText.contains("─ row 11 of 24 · max "))
}

@Test(arguments: [
    (["--row", "24"], "--row 24 is out of range (allowed: 0–23, n = 24)"),
    (["--row=-1"], "--row -1 is out of range"),
    (["--view", "both"], "'both' is invalid for '--view <view>'"),
])
func badRowOrViewIsAUsageError(arguments: [String], fragment: String) throws {
    let outcome = try CLIRunner.run(["snapshot", "--n", "24"] + arguments)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains(fragment), "\(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
}

@Test func commandLineNamesOnlyANonDefaultView() {
    var line = SnapshotCommandLine(
        params: AttentionParams(n: 8), theme: "default", noColor: false, ascii: false, format: "svg", width: 80,
        height: 24, colors: nil)
    #expect(!line.text.contains("--row") && !line.text.contains("--view"))
    line.view = ViewState(heatmap: .logits, selectedRow: 3, showHelp: true, status: "saved", playing: true)
    #expect(
        line.text == "attnview snapshot --n 8 --dk 64 --seed 0 --scale sqrt --view logits --row 3 --format svg "
            + "--width 80 --height 24")
}
