import Foundation
import Testing

/// `attnview snapshot --lab-step N`: the training lab's screen at a step, remade from its settings.
@Suite struct CLILabSnapshotTests {
    @Test func theHeaderSaysTheStepTheSettingsAndEachRunsLoss() throws {
        let outcome = try CLIRunner.run(
            [
                "snapshot", "--lab-step", "3", "--lab-dk", "16", "--lab-lr", "0.5", "--lab-seed", "9", "--scale", "dk",
                "--alpha", "0.5", "--width", "80", "--height", "24",
            ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdoutText.split(separator: "\n").map(String.init)
        #expect(
            lines[0] == "# attnview snapshot --lab-step 3 --lab-dk 16 --lab-lr 0.5 --lab-optimizer sgd --lab-seed 9 "
                + "--scale dk --alpha 0.5 --format text --width 80 --height 24")
        #expect(lines[1] == "# lab: SGD, d_k 16, lr 0.5, seed 9, step 3 of 250")
        #expect(lines[2].hasPrefix("#   scale=none alpha=1 divisor=1 loss="))
        #expect(lines[5].hasPrefix("#   scale=dk alpha=0.5 divisor=8 loss="))
        #expect(outcome.stdoutText.contains("step 3 of 250") && outcome.stdoutText.contains("yours s=8"))
    }

    @Test func jsonHoldsTheFourRunsAsFarAsTheStep() throws {
        let outcome = try CLIRunner.run(["snapshot", "--lab-step", "4", "--lab-dk", "8", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        struct Run: Decodable {
            let dk: Int
            let scale: String
            let losses: [Float]
        }
        struct Document: Decodable { let runs: [Run] }
        let runs = try JSONDecoder().decode(Document.self, from: outcome.stdout).runs
        #expect(runs.map(\.scale) == ["none", "sqrt", "dk", "sqrt"])
        #expect(runs.allSatisfy { $0.dk == 8 && $0.losses.count == 4 && $0.losses.allSatisfy { $0 > 0 } })
    }

    @Test func svgTitlesThePictureWithItsCommandAndAnsiSaysItsColours() throws {
        let svg = try CLIRunner.run(["snapshot", "--lab-step", "2", "--lab-dk", "8", "--format", "svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        let title = try #require(svg.stdoutText.firstMatch(of: /<title>attnview (.*?)<\/title>/)?.1)
        #expect(title.hasPrefix("snapshot --lab-step 2 --lab-dk 8 ") && title.contains("--format svg"))
        #expect(svg.stdoutText.contains("lab: SGD, d_k 8, lr 4, seed 0, step 2 of 250"))
        let again = try CLIRunner.run(title.split(separator: " ").map(String.init))
        #expect(again.stdoutText == svg.stdoutText)
        let ansi = try CLIRunner.run(
            ["snapshot", "--lab-step", "1", "--lab-dk", "8", "--format", "ansi", "--colors", "256"])
        #expect(ansi.stdoutText.hasPrefix("# attnview snapshot --lab-step 1 --lab-dk 8 "))
        #expect(ansi.stdoutText.contains("--format ansi --colors 256") && ansi.stdoutText.contains("\u{1B}["))
    }

    @Test(arguments: [
        (["--lab-step", "251"], "--lab-step 251 is out of range (allowed: 0–250)"),
        (["--lab-step", "-1"], "--lab-step -1 is out of range"),
        (["--lab-step", "1", "--lab-dk", "100"], "--lab-dk 100 is not a power of two from 4 to 1024"),
        (["--lab-step", "1", "--lab-dk", "2048"], "--lab-dk 2048 is not a power of two"),
        (["--lab-step", "1", "--lab-lr", "3"], "--lab-lr 3.0 is not a power of √2"),
        (["--lab-step", "1", "--lab-lr", "1024"], "--lab-lr 1024.0 is not a power of √2 from 2^-16 to 2^8"),
        (["--lab-step", "1", "--lab-lr", "0"], "--lab-lr 0.0 is not a power of √2"),
        (["--lab-step", "1", "--lab-optimizer", "rmsprop"], "--lab-optimizer"),
        (["--lab-step", "1", "--lab-seed", "-2"], "a seed is a whole number"),
        (["--lab-step", "1", "--lab-grid", "85"], "--lab-grid 85 is out of range (allowed: 0–84)"),
        (["--lab-dk", "64"], "--lab-dk needs --lab-step"),
        (["--lab-grid", "7"], "--lab-grid needs --lab-step"),
        (["--lab-step", "1", "--dk", "64"], "--dk does not apply to the lab (--lab-step)"),
        (["--lab-step", "1", "--compare"], "--compare does not apply to the lab"),
    ])
    func badLabOptionsGetOneLineAndExit64(_ arguments: [String], _ message: String) throws {
        let outcome = try CLIRunner.run(["snapshot"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stdout.isEmpty)
    }
}
