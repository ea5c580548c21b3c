import Foundation
import Testing

/// The README and the pages under `docs/`, read from the checkout: a newcomer's README stays short,
/// every page it promises exists, and the numbers the docs quote are what the binary prints.
enum Docs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Relative link targets (`[text](target)`) of a Markdown file, without `#anchors`.
    static func relativeLinks(in markdown: String) -> [String] {
        let pattern = /\]\(([^)\s]+)\)/
        return markdown.matches(of: pattern).map { String($0.output.1) }
            .filter { !$0.contains("://") && !$0.hasPrefix("#") }
            .map { String($0.split(separator: "#", maxSplits: 1)[0]) }
    }
}

@Test func readmeIsShortAndLinksEveryReferencePage() throws {
    let readme = try Docs.text("README.md")
    #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 300)
    let links = Set(Docs.relativeLinks(in: readme))
    for page in ["cli", "statistics", "inputs", "model", "themes", "performance", "contributing"] {
        #expect(links.contains("docs/\(page).md"), "README links docs/\(page).md")
    }
}

@Test(arguments: [
    "README.md", "docs/cli.md", "docs/statistics.md", "docs/inputs.md", "docs/model.md", "docs/themes.md",
    "docs/performance.md", "docs/contributing.md",
])
func everyRelativeLinkOfADocPointsToAFile(page: String) throws {
    let folder = Docs.root.appendingPathComponent(page).deletingLastPathComponent()
    for target in Docs.relativeLinks(in: try Docs.text(page)) {
        let path = folder.appendingPathComponent(target).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: path), "\(page) links \(target), which does not exist")
    }
}

/// The README's screen is a real 120 × 40 snapshot: its header is the command that prints it, and the
/// block is exactly what that command prints (regenerate it when panels change).
@Test func readmeScreenIsA120x40Snapshot() throws {
    let outcome = try CLIRunner.run(["snapshot", "--width", "120", "--height", "40"])
    #expect(outcome.status == 0)
    let header = try #require(outcome.stdoutText.split(separator: "\n").first)
    let readme = try Docs.text("README.md")
    let block = try #require(readme.firstRange(of: "```text\n\(header)\n"), "README shows `\(header)`")
    let rest = readme[block.upperBound...]
    let end = try #require(rest.firstRange(of: "\n```"))
    let frame = rest[..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        .drop { $0.hasPrefix("#") || $0.isEmpty }
    #expect(frame.count == 40)
    #expect(frame.first?.count == 120, "the top border spans the width")
    #expect(frame.allSatisfy { $0.count <= 120 }, "snapshot lines drop trailing blanks, never add columns")
    #expect(
        String(readme[block.lowerBound..<end.lowerBound]).dropFirst("```text\n".count) + "\n" == outcome.stdoutText,
        "README's screen is what `attnview snapshot --width 120 --height 40` prints")
}

/// The sweep table in docs/cli.md is exactly what the command above it prints.
@Test func cliDocSweepTableIsWhatTheCommandPrints() throws {
    let outcome = try CLIRunner.run(["sweep", "--trials", "5"])
    #expect(outcome.status == 0)
    let page = try Docs.text("docs/cli.md")
    let table = outcome.stdoutText.trimmingCharacters(in: .newlines)
    #expect(page.contains("<!-- sweep-table: attnview sweep --trials 5 -->\n\n\(table)\n\n<!-- /sweep-table -->"))
    #expect(page.contains("attnview sweep --trials 5 "), "the example command is the one the table comes from")
}

/// The README's walkthrough: with s = 1, `▲now` sits at −3 on the sweep's ±6 axis at d_k 64 and at
/// −5 at d_k 1024 — on the chart, not off it.
@Test func readmeSweepMarkerSentenceIsWhatTheScreenShows() throws {
    let readme = try Docs.text("README.md").replacingOccurrences(of: "\n  ", with: " ")
    #expect(readme.contains("its `▲now` marker slides left, from −3 to −5 on its ±6 axis"))
    for (dk, octave) in [(64, -3.0), (1024, -5.0)] {
        let outcome = try CLIRunner.run(["snapshot", "--dk", "\(dk)", "--scale", "none"])
        let axis = try #require(outcome.stdoutText.split(separator: "\n").first { $0.contains("▲now") })
        #expect(!outcome.stdoutText.contains("◀now"))
        let characters = Array(axis)
        func column(_ label: String) -> Int? {
            let text = String(characters)
            return text.range(of: label).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        }
        let left = try #require(column(" -6 ")) + 2
        let right = try #require(column(" +6 ")) + 2
        let marker = try #require(column("▲now"))
        let at = -6 + 12 * Double(marker - left) / Double(right - left)
        #expect(abs(at - octave) < 0.35, "▲now at \(at) for d_k \(dk)")
    }
}
