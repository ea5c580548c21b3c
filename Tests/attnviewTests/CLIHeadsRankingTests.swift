import Foundation
import Testing

/// `attnview heads --from --to --sort --descending --top` on the tiny model, the weights checked against a
/// float64 softmax of the numpy reference Q and K (scripts/make_model_fixtures.py).
@Suite struct CLIHeadsRankingTests {
    static let model = CLIExportTests.models.appendingPathComponent("tiny-f32").path

    static func document(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try CLIRunner.run(["heads", "--model", model, "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    }

    @Test func weightFromToIsTheReferenceSoftmaxAndRanksTheHeads() throws {
        let reference = try JSONDecoder().decode(
            CLIExportTests.Reference.self,
            from: Data(contentsOf: CLIExportTests.models.appendingPathComponent("reference.json")))
        let text = try #require(reference.models["tiny-f32"]?[0])  // "The cat sat on the mat."
        #expect(text.tokens[2] == "cat" && text.tokens[6] == "mat")
        let size = reference.hidden / reference.heads
        func expected(_ layer: Int, _ head: Int, from: Int, to: Int) -> Double {
            let logits = text.tokens.indices.map { key in
                (0..<size).reduce(0.0) {
                    $0 + text.q[layer][from][head * size + $1] * text.k[layer][key][head * size + $1]
                } / Double(size).squareRoot()
            }
            let largest = logits.max() ?? 0
            return exp(logits[to] - largest) / logits.reduce(0) { $0 + exp($1 - largest) }
        }
        let document = try Self.document(["--text", text.text, "--from", "cat", "--to", "MAT"])
        let base = try #require(document["base"] as? [String: Any])
        #expect(base["from"] as? Int == 2 && base["to"] as? Int == 6)
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == reference.layers * reference.heads)
        var byHead: [[Int]: Double] = [:]
        for row in rows {
            let layer = try #require(row["layer"] as? Int), head = try #require(row["head"] as? Int)
            let weight = try #require(row["weight_from_to"] as? Double)
            #expect(abs(weight - expected(layer, head, from: 2, to: 6)) < 1e-5, "L\(layer) H\(head)")
            byHead[[layer, head]] = weight
        }
        let ranked = try Self.document([
            "--text", text.text, "--from", "2", "--to", "6", "--sort", "weight_from_to", "--descending", "--top", "3",
        ])
        let top = try #require(ranked["rows"] as? [[String: Any]]).map {
            [$0["layer"] as? Int ?? -1, $0["head"] as? Int ?? -1]
        }
        // Largest first; ties in layer × head order.
        let best = byHead.keys.sorted { a, b in
            let (x, y) = (byHead[a] ?? 0, byHead[b] ?? 0)
            return x != y ? x > y : (a[0], a[1]) < (b[0], b[1])
        }
        #expect(top == Array(best.prefix(3)))
    }

    @Test func sortAndTopOrderMarkdownRows() throws {
        let outcome = try CLIRunner.run([
            "heads", "--model", Self.model, "--sort", "max_weight_mean", "--top", "2", "--format", "csv",
            "--columns", "max_weight_mean",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdoutText.split(separator: "\n")
        #expect(lines.count == 3)
        let values = lines.dropFirst().compactMap { Double($0.split(separator: ",").last ?? "") }
        #expect(values.count == 2 && values[0] <= values[1])
    }

    @Test(arguments: [
        (["--from", "the", "--to", "cat"], "--from 'the' occurs 2 times; give one index: the (1), the (5)"),
        (
            ["--from", "dog", "--to", "cat"],
            "--from 'dog' is not a token of the text; give a token or an index: [CLS] (0)"
        ),
        (["--from", "1", "--to", "40"], "--to 40 is out of range (the text has 9 tokens, 0–8)"),
        (["--from", "1"], "--from needs --to"),
        (["--sort", "weight_from_to"], "--sort weight_from_to needs --from and --to"),
        (["--sort", "colour"], "--sort 'colour' is not a column"),
        (["--descending"], "--descending needs --sort"),
        (["--top", "0"], "--top 0 must be 1 or more"),
    ])
    func badRankingOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let outcome = try CLIRunner.run(
            ["heads", "--model", Self.model, "--text", "The cat sat on the mat."] + arguments)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("attnview: " + message), "\(outcome.stderr)")
    }
}
