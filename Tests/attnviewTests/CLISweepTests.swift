import AttentionCore
import Foundation
import Testing

private let grid = ["sweep", "--dk", "16,256", "--scale", "none,sqrt,dk", "--trials", "2", "--n", "16"]

@Test func sweepJSONHasOneRowPerCellEqualToTheCoresSweep() throws {
    let outcome = try CLIRunner.run(grid + ["--format", "json"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty, "progress must stay off a non-terminal stderr")
    struct Row: Decodable {
        let dk: Int
        let scale: String
        let divisor: Double
        let trials: Int
        let stats: AttentionStatistics
    }
    struct Base: Decodable, Equatable {
        let n: Int
        let m: Int
        let seed: UInt64
        let sigma: Double
        let rho: Double
        let alpha: Double
        let causal: Bool
    }
    struct Document: Decodable {
        let base: Base
        let rows: [Row]
    }
    let document = try JSONDecoder().decode(Document.self, from: outcome.stdout)
    #expect(document.base == Base(n: 16, m: 16, seed: 0, sigma: 1, rho: 0, alpha: 1, causal: false))
    let rows = document.rows
    let expected = try Sweep(base: AttentionParams(n: 16), dks: [16, 256], scales: [.none, .sqrtDk, .dk], trials: 2)
        .run()
    #expect(rows.count == 6)
    for (row, reference) in zip(rows, expected) {
        #expect(row.dk == reference.dk)
        #expect(row.scale == reference.scale.name)
        #expect(row.divisor == reference.divisor)
        #expect(row.trials == 2)
        #expect(row.stats == reference.stats)
    }
}

@Test func sweepCSVHasAHeaderAndOneLinePerCell() throws {
    let outcome = try CLIRunner.run(grid + ["--format", "csv"])
    let lines = outcome.stdoutText.split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines[0].hasPrefix("dk,scale,divisor,trials,logit_mean,logit_std,"))
    #expect(
        lines[0].hasSuffix(
            ",score_grad_mean,score_grad_median,score_grad_max,unsafe_rows_fp16,overflow_rows_fp16,unsafe_rows_fp32,"
                + "overflow_rows_fp32,regime"))
    #expect(lines[1].hasPrefix("16,none,1,2,"))
    #expect(lines[6].hasPrefix("256,dk,256,2,"))
    #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 20 })
}

@Test func sweepMarkdownIsAnAlignedTable() throws {
    let outcome = try CLIRunner.run(grid)
    let lines = outcome.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.count == 8)
    #expect(lines[0].hasPrefix("| d_k | scale |"))
    #expect(lines[1].hasPrefix("| --: | ----- |"))
    #expect(Set(lines.map(\.count)).count == 1, "every line as wide as the header")
    // The divisor is spelled as every number of the table is (four digits), as `heads` spells it.
    #expect(lines[2].hasPrefix("|  16 | none  |   1.000 |      2 |"))
    #expect(lines[7].hasPrefix("| 256 | dk    |   256.0 |      2 |"))
    #expect(lines[7].hasSuffix("| flat     |"))
}

@Test func sweepColumnsPicksStatisticsInTheGivenOrder() throws {
    let outcome = try CLIRunner.run(grid + ["--format", "csv", "--columns", "score_grad_max,regime,unsafe_rows_fp16"])
    let lines = outcome.stdoutText.split(separator: "\n")
    #expect(lines.first == "dk,scale,divisor,trials,score_grad_max,unsafe_rows_fp16,regime")
    #expect(lines.count == 7 && lines.allSatisfy { $0.split(separator: ",").count == 7 })
    let markdown = try CLIRunner.run(grid + ["--columns", "logit_std"]).stdoutText
    #expect(markdown.hasPrefix("| d_k | scale | divisor | trials | logit std |\n"))
}

@Test func sweepColumnsRefusesUnknownNamesAndJSON() throws {
    let unknown = try CLIRunner.run(grid + ["--columns", "logit_std,nope"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("--columns item 'nope' is not a statistic"))
    #expect(unknown.stderr.contains("score_grad_median"))
    let json = try CLIRunner.run(grid + ["--format", "json", "--columns", "regime"])
    #expect(json.status == 64)
    #expect(json.stderr.contains("--columns applies to markdown and csv"))
}

@Test func sweepCSVColumnsAreTheJSONKeyNames() throws {
    let csv = try CLIRunner.run(grid + ["--format", "csv"]).stdoutText
    let header = try #require(csv.split(separator: "\n").first).split(separator: ",").map(String.init)
    let json = try CLIRunner.run(grid + ["--format", "json"]).stdout
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let row = try #require((document["rows"] as? [[String: Any]])?.first)
    let stats = try #require(row["stats"] as? [String: Any])
    let keys = Set(row.keys).subtracting(["stats"]).union(stats.keys)
    #expect(Set(header) == keys, "CSV \(header) vs JSON \(keys.sorted())")
    #expect(header.count == keys.count)
    #expect(header.first == "dk")
}
