import Foundation
import Testing

/// `attnview embed` on the tiny model against scripts/make_embed_fixtures.py's float64 numpy reference.
@Suite struct CLIEmbedTests {
    struct Alpha: Decodable {
        let alpha: Double
        let cosine: [[Double]]
        let cosineToAlphaOne: [Double]
        let layerEntropy: [[Double]]

        enum CodingKeys: String, CodingKey {
            case alpha, cosine
            case cosineToAlphaOne = "cosine_to_alpha_1"
            case layerEntropy = "layer_entropy"
        }
    }

    struct Model: Decodable {
        let texts: [String]
        let tokens: [[String]]
        let alphas: [Alpha]
    }

    static let model = CLIExportTests.models.appendingPathComponent("tiny-f32").path

    @Test func cosinesAndLayerEntropiesMatchNumpyAtEveryAlpha() throws {
        let reference = try #require(
            try JSONDecoder().decode(
                [String: Model].self,
                from: Data(contentsOf: CLIExportTests.models.appendingPathComponent("embed_reference.json")))[
                    "tiny-f32"])
        for entry in reference.alphas {
            let arguments =
                ["embed", "--model", Self.model, "--format", "json", "--alpha", "\(entry.alpha)"]
                + reference.texts.flatMap { ["--text", $0] }
            let outcome = try CLIRunner.run(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
            #expect(document["tokens"] as? [[String]] == reference.tokens)
            let cosine = try #require(document["cosine"] as? [[Double]])
            let toOne = try #require(document["cosine_to_alpha_1"] as? [Double])
            let entropy = try #require(document["layer_entropy_normalized"] as? [[Double]])
            for i in reference.texts.indices {
                #expect(abs(toOne[i] - entry.cosineToAlphaOne[i]) < 1e-5, "alpha \(entry.alpha)")
                for j in reference.texts.indices { #expect(abs(cosine[i][j] - entry.cosine[i][j]) < 1e-5) }
                for (actual, want) in zip(entropy[i], entry.layerEntropy[i]) { #expect(abs(actual - want) < 1e-5) }
            }
        }
    }

    @Test func markdownNamesTheAlphaAndCsvQuotesTexts() throws {
        let outcome = try CLIRunner.run([
            "embed", "--model", Self.model, "--text", "the cat, the mat", "--text", "a dog", "--alpha", "2",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdoutText.hasPrefix("cosine similarity of mean-pooled embeddings, every divisor × 2\n"))
        #expect(outcome.stdoutText.contains("mean H / ln m of each layer"))
        let csv = try CLIRunner.run(["embed", "--model", Self.model, "--text", "the cat, the mat", "--format", "csv"])
        #expect(
            csv.stdoutText.hasPrefix("index,text,tokens,cosine_1\n1,\"the cat, the mat\",7,1\n"), "\(csv.stdoutText)")
    }

    @Test(arguments: [
        (["--text", "x", "--alpha", "0"], "--alpha 0 is out of range"),
        (["--text", "x", "--alpha", "-2"], "--alpha -2 is out of range"),
        ([], "--text is required"),
        (["--text", "-", "--text", "-"], "--text - may be given once"),
    ])
    func badEmbedOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let outcome = try CLIRunner.run(["embed", "--model", Self.model] + arguments)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("attnview: " + message), "\(outcome.stderr)")
    }
}
