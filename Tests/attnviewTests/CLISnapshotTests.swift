import Foundation
import Testing

@testable import AttentionCore

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
            "max_weight_mean", "effective_tokens_mean", "jacobian_fro_mean", "score_grad_mean", "score_grad_median",
            "score_grad_max", "unsafe_rows_fp16", "overflow_rows_fp16", "unsafe_rows_fp32", "overflow_rows_fp32",
            "regime",
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
    let theory = try #require(histograms["logits"]?["theory_counts"] as? [Double])
    #expect(theory.count == (histograms["logits"]?["counts"] as? [Int])?.count)
    #expect(abs(theory.reduce(0, +) - 35) < 3.5, "the normal curve covers most of the 5 × 7 logits")
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

/// The `stats` object of a snapshot, decoded through `AttentionStatistics`' own coding keys.
private func decodedStatistics(_ arguments: [String]) throws -> AttentionStatistics {
    struct Document: Decodable {
        let stats: AttentionStatistics
    }
    let outcome = try CLIRunner.run(["snapshot", "--format", "json"] + arguments)
    return try JSONDecoder().decode(Document.self, from: outcome.stdout).stats
}

@Test func jsonStatisticsAndWeightsEqualTheEngines() throws {
    let arguments = ["--n", "12", "--m", "9", "--dk", "48", "--seed", "7", "--rho", "0.5", "--causal"]
    let json = try snapshotJSON(arguments)
    let result = try AttentionEngine().compute(
        AttentionParams(n: 12, m: 9, dk: 48, seed: 7, rho: 0.5, causal: true))
    // JSONDecoder reads numbers exactly (JSONSerialization on Linux may be off by an ulp), and the
    // shortest round-trip spelling makes the decoded statistics the engine's Doubles exactly.
    #expect(try decodedStatistics(arguments) == result.stats)
    let attention = try #require(json["attention"] as? [[Any]])
    for row in 0..<12 {
        for column in 0..<9 {
            let value = attention[row][column] as? Double
            #expect(
                value.map(Float.init) == (result.isMasked(row: row, col: column) ? nil : result.weights[row, column]))
        }
    }
    let counts = try #require((json["histograms"] as? [String: [String: Any]])?["weights"]?["counts"] as? [Int])
    #expect(counts == result.weightHistogram.counts)
}

@Test func snapshotsAreDeterministic() throws {
    for format in ["json", "text", "ansi", "svg"] {
        let arguments = [
            "snapshot", "--format", format, "--n", "20", "--dk", "32", "--seed", "3", "--width", "80", "--height", "24",
        ]
        let first = try CLIRunner.run(arguments)
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(try CLIRunner.run(arguments).stdout == first.stdout, "\(format)")
    }
}

@Test func textHeaderReproducesTheSnapshot() throws {
    let first = try CLIRunner.run([
        "snapshot", "--dk", "128", "--scale", "dk", "--alpha", "0.25", "--causal", "--seed", "5",
    ])
    let header = try #require(first.stdoutText.split(separator: "\n").first { $0.contains("attnview snapshot ") })
    let command = String(header[header.range(of: "attnview snapshot ")!.lowerBound...])
    let arguments = command.split(separator: " ").dropFirst().map(String.init)
    #expect(arguments.contains("--causal") && arguments.contains("0.25"))
    #expect(try CLIRunner.run(arguments).stdout == first.stdout)
}

@Test func fileInputsWork() throws {
    let q = CLIRunner.npyFixtures.appendingPathComponent("valid_f2_le_F.npy").path
    let k = CLIRunner.npyFixtures.appendingPathComponent("valid_f8_be_C.npy").path
    let json = try snapshotJSON(["--q", q, "--k", k, "--dk", "2"])
    let params = try #require(json["params"] as? [String: Any])
    #expect(params["source"] as? String == "files")
    #expect(params["q_file"] as? String == q)
    #expect(params["n"] as? Int == 3 && params["m"] as? Int == 3 && params["dk"] as? Int == 2)
    #expect(params["divisor"] as? Double == 2.0.squareRoot())
    #expect((json["stats"] as? [String: Any])?["logit_std_expected"] is NSNull)
}

/// A bad input file: which flag gets it, the status, and a fragment of the message.
struct BadFile: CustomTestStringConvertible, Sendable {
    let q: String
    let k: String
    let status: Int32
    let fragment: String
    var testDescription: String { "\(q) \(k)" }
}

@Test(arguments: [
    BadFile(q: "missing.npy", k: "valid_f4_le_C.npy", status: 66, fragment: "missing.npy: no such file"),
    BadFile(
        q: "valid_f4_le_C.npy", k: "bad_truncated_data.npy", status: 65, fragment: "bad_truncated_data.npy: truncated"),
    BadFile(q: "bad_magic.npy", k: "valid_f4_le_C.npy", status: 65, fragment: "bad_magic.npy: not a .npy file"),
    BadFile(
        q: "bad_header_syntax.npy", k: "valid_f4_le_C.npy", status: 65,
        fragment: "bad_header_syntax.npy: header ends too early"),
    BadFile(q: "bad_dtype_int.npy", k: "valid_f4_le_C.npy", status: 65, fragment: "unsupported dtype '<i4'"),
    BadFile(
        q: "bad_shape_3d.npy", k: "valid_f4_le_C.npy", status: 65,
        fragment: "bad_shape_3d.npy: shape (2, 3, 4) is not 2-D"),
    BadFile(q: "valid_f4_le_C.npy", k: "bad_inf_fortran.npy", status: 65, fragment: "-inf at row 2, column 1"),
    BadFile(q: "pair_q_dk5.npy", k: "pair_k_dk4.npy", status: 65, fragment: "pair_k_dk4.npy has d = 4"),
])
func badFilesNameTheFile(_ bad: BadFile) throws {
    let outcome = try CLIRunner.run([
        "snapshot", "--format", "json", "--q", CLIRunner.npyFixtures.appendingPathComponent(bad.q).path,
        "--k", CLIRunner.npyFixtures.appendingPathComponent(bad.k).path,
    ])
    #expect(outcome.status == bad.status)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.hasPrefix("attnview: ") && outcome.stderr.filter { $0 == "\n" }.count == 1)
    #expect(outcome.stderr.contains(bad.fragment), "\(outcome.stderr)")
}
