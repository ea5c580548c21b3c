import AttentionCore
import Foundation
import Testing
import Training

private let small = ["train", "--d-model", "8", "--n", "5", "--batch", "6", "--steps", "30", "--seed", "7"]

@Test func trainJSONHoldsEachRunAndItsCurveAsTheModuleComputesThem() throws {
    let outcome = try CLIRunner.run(
        small + ["--dk", "4,16", "--scale", "none,sqrt", "--lr", "0.5", "--format", "json"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty, "progress must stay off a non-terminal stderr")
    struct Run: Decodable {
        let dk: Int
        let scale: String
        let divisor: Double
        let lr: Double
        let optimizer: String
        let finalLoss: Double?
        let diverged: Bool
        let stepsToTarget: Int?
        let gradientNorm0: Double
        let losses: [Float]
    }
    struct Document: Decodable { let runs: [Run] }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let runs = try decoder.decode(Document.self, from: outcome.stdout).runs
    #expect(runs.map(\.dk) == [4, 4, 16, 16])
    #expect(runs.map(\.scale) == ["none", "sqrt", "none", "sqrt"])
    let task = RetrievalTask(dModel: 8, n: 5, batch: 6, noise: 0.3, steps: 30, seed: 7)
    for run in runs {
        var reference = TrainingRun(
            RunSettings(
                task: task, dk: run.dk, scale: run.scale == "none" ? .none : .sqrtDk, learningRate: 0.5,
                optimizer: .sgd))
        reference.finish()
        #expect(run.losses == reference.record.losses)
        #expect(run.finalLoss == reference.record.finalLoss)
        #expect(run.stepsToTarget == reference.record.stepsToTarget)
        #expect(run.gradientNorm0 == Double(reference.record.gradientNorms[0]))
        #expect(run.divisor == (run.scale == "none" ? 1 : Double(run.dk).squareRoot()))
        #expect(run.lr == 0.5 && run.optimizer == "sgd" && !run.diverged)
    }
}

@Test func trainCSVAndMarkdownHaveOneLinePerRun() throws {
    let csv = try CLIRunner.run(small + ["--format", "csv", "--optimizer", "adam", "--lr", "0.05,0.1"])
    let lines = csv.stdoutText.split(separator: "\n")
    #expect(lines.first == "dk,scale,divisor,lr,optimizer,final_loss,diverged,steps_to_target,gradient_norm_0")
    #expect(lines.count == 1 + 3 * 2)
    #expect(lines[1].hasPrefix("256,none,1,0.05,adam,"))
    let markdown = try CLIRunner.run(small)
    #expect(markdown.stdoutText.split(separator: "\n").count == 2 + 3)
    #expect(markdown.stdoutText.contains("| 256 | sqrt  |   16.00 | 2^2 | sgd "))
}

@Test func trainGridPrintsOneFinalLossTablePerPolicy() throws {
    let outcome = try CLIRunner.run(small + ["--grid", "--dk", "4,16", "--lr", "0.25,1"])
    let text = outcome.stdoutText
    #expect(outcome.status == 0)
    for heading in ["s = 1, sgd", "s = √d_k, sgd", "s = d_k, sgd"] { #expect(text.contains(heading)) }
    let headers = text.split(separator: "\n").filter { $0.hasPrefix("| d_k |") }
    #expect(headers.count == 3, "one table per policy:\n\(text)")
    #expect(headers.allSatisfy { $0.contains("2^-2") && $0.contains("2^0") })
    #expect(text.contains("**"), "each row's best learning rate is in bold")
}

@Test(arguments: [
    (["--dk", "0"], "--dk"), (["--dk", "16,,64"], "--dk"), (["--dk", "x"], "--dk"), (["--scale", "bogus"], "--scale"),
    (["--lr", "-1"], "--lr"), (["--lr", "nan"], "--lr"), (["--lr", "0"], "--lr"),
    (["--optimizer", "rmsprop"], "optimizer"),
    (["--steps", "0"], "--steps"), (["--d-model", "0"], "--d-model"), (["--n", "1"], "--n"),
    (["--batch", "0"], "--batch"),
    (["--noise", "-0.5"], "--noise"), (["--noise", "inf"], "--noise"), (["--seed", "-3"], "--seed"),
    (["--threads", "0"], "--threads"), (["--format", "yaml"], "format"),
    (["--steps", "100000", "--batch", "4096"], "--steps"),
])
func trainRefusesBadValuesWithOneLineAndUsageStatus(arguments: [String], flag: String) throws {
    let outcome = try CLIRunner.run(["train"] + arguments)
    #expect(outcome.status == 64, "\(arguments)")
    #expect(outcome.stdout.isEmpty)
    let lines = outcome.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(arguments): \(outcome.stderr)")
    #expect(outcome.stderr.contains(flag), "\(arguments): \(outcome.stderr)")
}
