import Foundation
import Testing

/// `attnview snapshot --compare`: the standard divisor beside the current one, in JSON and text.

private func json(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try CLIRunner.run(["snapshot", "--format", "json"] + arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
}

@Test func compareJSONAddsTheBaselineDivisorAndItsFullStatistics() throws {
    let model = ["--n", "16", "--dk", "256", "--scale", "none"]
    let compared = try json(model + ["--compare"])
    let baseline = try #require(compared["baseline"] as? [String: Any])
    #expect(baseline["divisor"] as? Double == 16)
    let stats = try #require(baseline["stats"] as? [String: Any])
    // The baseline is exactly what a plain run at the standard divisor reports.
    let standard = try #require(try json(["--n", "16", "--dk", "256", "--scale", "sqrt"])["stats"] as? [String: Any])
    #expect(Set(stats.keys) == Set(standard.keys))
    for (key, value) in standard where key != "regime" {
        #expect((stats[key] as? Double) == (value as? Double), "baseline \(key)")
    }
    #expect(stats["regime"] as? String == "balanced")
    #expect((compared["stats"] as? [String: Any])?["regime"] as? String == "peaked")
    #expect(try json(model)["baseline"] == nil, "no baseline without --compare")
}

@Test func compareWorksWithFileInputs() throws {
    let q = CLIRunner.npyFixtures.appendingPathComponent("valid_f2_le_F.npy").path
    let k = CLIRunner.npyFixtures.appendingPathComponent("valid_f8_be_C.npy").path
    let compared = try json(["--q", q, "--k", k, "--scale", "0.01", "--compare"])
    let baseline = try #require(compared["baseline"] as? [String: Any])
    let dk = try #require((compared["params"] as? [String: Any])?["dk"] as? Int)
    #expect(baseline["divisor"] as? Double == Double(dk).squareRoot())
    #expect((compared["params"] as? [String: Any])?["divisor"] as? Double == 0.01)
}

@Test func compareTextDrawsTheSplitViewUnderBothHeaders() throws {
    let outcome = try CLIRunner.run([
        "snapshot", "--n", "16", "--dk", "256", "--scale", "none", "--compare", "--width", "80", "--height", "24",
    ])
    #expect(outcome.status == 0)
    let text = outcome.stdoutText
    #expect(text.hasPrefix("# attnview snapshot --n 16 --dk 256 --seed 0 --scale none --compare --format text"))
    #expect(text.contains("# baseline: scale=sqrt alpha=1 divisor=16\n# baseline stats:\n"))
    #expect(text.contains("now · s = 1.000 (no divisor)"))
    #expect(text.contains("standard · s = √d_k = 16.00"))
    #expect(text.contains("fp16 naive   100% rows overflow    safe"))
    #expect(text.contains("PEAKED") && text.contains("BALANCED"))
}

/// The tiny BERT of scripts/make_model_fixtures.py.
private let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

/// On a model the split view speaks in tokens as the single view does: query tokens at the rows,
/// key tokens under the columns, and the selected row's keys ranked by token on each side.
@Test func compareOnAModelLabelsRowsAndKeysByToken() throws {
    let outcome = try CLIRunner.run([
        "snapshot", "--model", tinyModel, "--compare", "--row", "10", "--scale", "none", "--width", "120", "--height",
        "40",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.filter { $0.contains("─ it (10) attends to ─") }.count == 1)
    #expect(lines.contains { $0.components(separatedBy: "it (10) attends to").count == 3 }, "both row panels")
    #expect(lines.contains { $0.components(separatedBy: "│▶    it ").count == 3 }, "both pictures mark it")
    #expect(!outcome.stdoutText.contains("row 10 of"))
    #expect(lines.contains { $0.components(separatedBy: "[ t [ [ ' t [ t [ [ i w t t . [").count == 3 })
}

/// The two row panels draw on one y scale: the standard side's row tops out at 0.46, yet its axis
/// reads 1.000 like the peaked side's, so equal heights are equal weights.
@Test func compareRowPanelsShareOneYScale() throws {
    let outcome = try CLIRunner.run([
        "snapshot", "--n", "16", "--dk", "256", "--scale", "none", "--compare", "--row", "3", "--width", "120",
        "--height", "40",
    ])
    let lines = outcome.stdoutText.split(separator: "\n").map(String.init)
    let title = try #require(lines.firstIndex { $0.contains("row 3 of 16 · max 1.000 at key 10") })
    #expect(lines[title].contains("one y scale"))
    #expect(lines[title].contains("row 3 of 16 · max 0.4635 at key 10"))
    #expect(lines[title + 1].hasPrefix("│1.000") && lines[title + 1].contains("││1.000"))
    #expect(lines[title + 4].hasPrefix("│0.500") && lines[title + 4].contains("││0.500"))
}
