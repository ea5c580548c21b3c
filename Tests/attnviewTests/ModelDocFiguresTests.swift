import Foundation
import Testing

/// docs/model.md quotes what `attnview heads --model minilm` prints: each median and mean it gives is
/// computed here from the command's CSV, to four significant digits, and found in the page.
@Suite(.enabled(if: ArgumentDocTests.modelInstalled, "needs the minilm model (make model)"))
struct ModelDocFiguresTests {
    private func column(_ name: String, _ arguments: [String]) throws -> [Double] {
        let outcome = try CLIRunner.run(["heads", "--model", "minilm", "--format", "csv"] + arguments)
        let lines = outcome.stdoutText.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let index = try #require(lines.first?.firstIndex(of: name))
        return lines.dropFirst().compactMap { Double($0[index]) }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }

    private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    private func fourDigits(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// The README's layer 3, head 1 example, with the default sentence and without its full stop.
    @Test func readmeQuotesTheRowPanelOfLayer3Head1() throws {
        let readme = try Docs.text("README.md").replacingOccurrences(of: "\n  ", with: " ")
        var weights: [String] = []
        for text in [
            "The animal didn't cross the street because it was too tired.",
            "The animal didn't cross the street because it was too tired",
        ] {
            let outcome = try CLIRunner.run([
                "snapshot", "--model", "minilm", "--layer", "3", "--head", "1", "--row", "it", "--text", text,
            ])
            let line = try #require(outcome.stdoutText.split(separator: "\n").first { $0.contains("│ 1 animal ") })
            weights.append(String(try #require(line.split(separator: " ").dropFirst(3).first)))
        }
        #expect(readme.contains("the list reads `1 animal \(weights[0])` (\(weights[1]) without the final full stop)"))
    }

    @Test func theMediansAndMeansAreWhatTheCommandsPrint() throws {
        let page = try Docs.text("docs/model.md").replacingOccurrences(of: "\n", with: " ")
        let none = ["--scale", "none"]
        let figures = [
            "median \(fourDigits(median(try column("logit_std", []))))",
            "median logit std goes from \(fourDigits(median(try column("logit_std", []))))"
                + " to \(fourDigits(median(try column("logit_std", none))))",
            "mean max weight from \(fourDigits(mean(try column("max_weight_mean", []))))"
                + " to \(fourDigits(mean(try column("max_weight_mean", none))))",
            "mean H / ln m from \(fourDigits(mean(try column("entropy_normalized_mean", []))))"
                + " to \(fourDigits(mean(try column("entropy_normalized_mean", none))))",
            "effective tokens from \(fourDigits(median(try column("effective_tokens_mean", []))))"
                + " to \(fourDigits(median(try column("effective_tokens_mean", none))))",
            "median logit std \(fourDigits(median(try column("logit_std", ["--dk", "8"])))), median "
                + "\(fourDigits(median(try column("effective_tokens_mean", ["--dk", "8"])))) effective tokens",
        ]
        for figure in figures { #expect(page.contains(figure), "docs/model.md says \(figure)") }
    }
}
