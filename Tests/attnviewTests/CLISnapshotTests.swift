import AttentionCore
import Foundation
import Testing

/// The `snapshot --format json` document of `arguments`, parsed.
private func snapshotJSON(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try CLIRunner.run(["snapshot", "--format", "json"] + arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
}

@Test func jsonHoldsParamsStatsMatricesAndHistograms() throws {
    let json = try snapshotJSON(["--n", "5", "--m", "7", "--dk", "16", "--scale", "dk", "--alpha", "0.5"])
    #expect(Set(json.keys) == ["params", "stats", "logits", "attention", "histograms"])
    let params = try #require(json["params"] as? [String: Any])
    #expect(params["n"] as? Int == 5)
    #expect(params["m"] as? Int == 7)
    #expect(params["dk"] as? Int == 16)
    #expect(params["scale"] as? String == "dk")
    #expect(params["divisor"] as? Double == 8)
    #expect(params["source"] as? String == "generated")
    let stats = try #require(json["stats"] as? [String: Any])
    #expect(
        Set(stats.keys) == [
            "logit_mean", "logit_std", "logit_std_expected", "entropy_mean", "entropy_normalized_mean",
            "max_weight_mean", "effective_tokens_mean", "jacobian_fro_mean", "score_grad_mean", "regime",
        ])
    let attention = try #require(json["attention"] as? [[Double]])
    #expect(attention.count == 5 && attention.allSatisfy { $0.count == 7 })
    #expect(try #require(json["logits"] as? [[Double]]).count == 5)
    let histograms = try #require(json["histograms"] as? [String: [String: Any]])
    for name in ["logits", "weights"] {
        let histogram = try #require(histograms[name])
        let counts = try #require(histogram["counts"] as? [Int])
        #expect(try #require(histogram["edges"] as? [Double]).count == counts.count + 1)
    }
    #expect(histograms["weights"]?["uniform_weight"] as? Double == 1.0 / 7)
    #expect(histograms["weights"]?["axis"] as? String == "log10")
}

@Test func jsonMasksCausalEntriesWithNull() throws {
    let json = try snapshotJSON(["--n", "3", "--m", "4", "--dk", "8", "--causal"])
    for key in ["logits", "attention"] {
        let rows = try #require(json[key] as? [[Any]])
        // With m − n = 1, query i sees keys 0…i+1.
        for (row, values) in rows.enumerated() {
            for (column, value) in values.enumerated() {
                #expect((value is NSNull) == (column > row + 1), "\(key)[\(row)][\(column)]")
            }
        }
    }
}
