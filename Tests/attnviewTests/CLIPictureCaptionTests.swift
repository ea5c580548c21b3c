import Foundation
import Testing

/// Snapshots are pictures for slides: their bottom line is a caption naming the source, not the
/// live screen's key hints (`--key-hints` brings those back); a model's picture can be zoomed and
/// its row named by token; JSON carries the divisor sweep's points.

/// The tiny BERT of scripts/make_model_fixtures.py.
private let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

private func lines(_ arguments: [String]) throws -> [String] {
    let outcome = try CLIRunner.run(arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return outcome.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Test func snapshotEndsWithACaptionInsteadOfKeyHints() throws {
    let text = try lines(["snapshot", "--width", "120", "--height", "40"])
    let last = try #require(text.last { !$0.isEmpty })
    #expect(last == " random Q, K (seed 0, σ 1) · n = m = 64 · d_k 64 · s = √d_k = 8.000")
    #expect(!text.contains { $0.contains("q quit") || $0.contains("? help") })
    let hints = try lines(["snapshot", "--width", "120", "--height", "40", "--key-hints"])
    #expect(hints[0].contains(" --key-hints "), "the header reproduces it")
    #expect(try #require(hints.last { !$0.isEmpty }).hasSuffix("? help  q quit"))
}

@Test func captionNamesTheModelHeadTextAndBothDivisors() throws {
    let model = try lines([
        "snapshot", "--model", tinyModel, "--layer", "1", "--head", "1", "--scale", "none", "--width", "200",
        "--height", "60",
    ])
    #expect(
        model.last { !$0.isEmpty }
            == " tiny-f32 · layer 1 of 2, head 1 of 2 · d_k 4 · s = 1 (no divisor) · "
            + "\"The animal didn't cross the street because it was too tired.\"")
    let compared = try lines(["snapshot", "--dk", "512", "--scale", "none", "--compare", "--ascii"])
    #expect(
        compared.last { !$0.isEmpty }
            == " random Q, K (seed 0, s 1) - n = m = 64 - d_k 512 - s = 1 (no divisor) beside s = sqrt(d_k) = 22.63")
}

@Test func svgCarriesTheCaptionAndNoKeyHints() throws {
    let outcome = try CLIRunner.run(["snapshot", "--format", "svg", "--n", "16", "--seed", "3"])
    // The bottom row's glyphs (one per cell; blanks are not written), read in order.
    let bottom = try #require(outcome.stdoutText.split(separator: "\n").first { $0.hasPrefix("<text y=\"795\"") })
    let shown = bottom.replacing(/<[^>]*>/, with: "")
    #expect(shown.hasPrefix("randomQ,K(seed3,σ1)·n=m=16·d_k64·s=√d_k=8.000"), "\(shown)")
    #expect(!outcome.stdoutText.contains(">q</tspan><tspan x=\"") || !shown.contains("quit"))
}

/// A zoomed picture is reproduced by its own header: `--zoom` is part of the command.
@Test func zoomedSnapshotIsReproducedByItsHeader() throws {
    let arguments = [
        "snapshot", "--model", tinyModel, "--zoom", "--row", "12", "--width", "80", "--height", "24",
    ]
    let first = try CLIRunner.run(arguments)
    #expect(first.status == 0, "\(first.stderr)")
    let header = try #require(first.stdoutText.split(separator: "\n").first)
    #expect(header.contains(" --zoom "))
    #expect(first.stdoutText.contains("│▶   too ::"), "one row per token, as z shows it")
    let overview = try CLIRunner.run([
        "snapshot", "--model", tinyModel, "--row", "12", "--width", "80", "--height", "24",
    ])
    #expect(!overview.stdoutText.contains("│▶   too ::"), "without --zoom: the pooled overview")
    let again = try CLIRunner.run([
        "snapshot", "--model", tinyModel, "--row", "12", "--zoom", "--width", "80",
        "--height", "24",
    ])
    #expect(again.stdout == first.stdout)
    let refused = try CLIRunner.run(["snapshot", "--zoom"])
    #expect(refused.status == 64 && refused.stderr.contains("--zoom needs --model"))
}

/// `--row` takes a token of the text as well as an index; a token the text has more than once (or
/// not at all) is a usage error that lists the candidates.
@Test func rowTakesATokenOfTheText() throws {
    let byToken = try CLIRunner.run(["snapshot", "--model", tinyModel, "--row", "it", "--format", "json"])
    let byIndex = try CLIRunner.run(["snapshot", "--model", tinyModel, "--row", "10", "--format", "json"])
    #expect(byToken.status == 0 && byToken.stdout == byIndex.stdout)
    let text = try CLIRunner.run(["snapshot", "--model", tinyModel, "--row", "it"])
    #expect(text.stdoutText.split(separator: "\n").first?.contains("--row 10 ") == true, "the header names the index")
    let ambiguous = try CLIRunner.run(["snapshot", "--model", tinyModel, "--row", "the"])
    #expect(ambiguous.status == 64)
    #expect(ambiguous.stderr.contains("--row 'the' occurs 2 times; give one index: the (1), the (7)"))
    let random = try CLIRunner.run(["snapshot", "--row", "it"])
    #expect(random.status == 64 && random.stderr.contains("only with --model"))
}

/// `snapshot --format json` carries the divisor sweep's points: 49 quarter octaves over ±6, and at
/// √d_k (octave 0) the same H / ln m and gradient median as the statistics (every row sampled).
@Test func jsonCarriesTheCurvesPoints() throws {
    let outcome = try CLIRunner.run(["snapshot", "--format", "json", "--n", "16", "--dk", "32"])
    let json = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    let curve = try #require(json["curve"] as? [[String: Any]])
    #expect(curve.count == 49)
    #expect(curve.first?["octaves"] as? Double == -6 && curve.last?["octaves"] as? Double == 6)
    let middle = curve[24]
    let stats = try #require(json["stats"] as? [String: Any])
    #expect(middle["octaves"] as? Double == 0)
    #expect(abs((middle["divisor"] as? Double ?? 0) - 32.0.squareRoot()) < 1e-12)
    for (point, stat) in [
        ("entropy_normalized_mean", "entropy_normalized_mean"), ("score_grad_median", "score_grad_median"),
        ("score_grad_max", "score_grad_max"), ("unsafe_rows_fp16", "unsafe_rows_fp16"),
    ] {
        let a = try #require(middle[point] as? Double)
        let b = try #require(stats[stat] as? Double)
        #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(point) \(a) vs \(b)")
    }
    #expect(middle["sampled_rows"] as? Int == 16)
}
