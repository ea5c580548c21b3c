import Foundation
import Testing

/// The training lab in a real (tmux) terminal: `T` opens it and the runs train in the background,
/// ← restarts them mid-run, the runs at d_k 64 and lr 1 learn to the end, `S` saves the lab with its
/// runs' curves (which must fall, and whose header command remakes the picture), Esc returns.
@Suite(.serialized) struct LabEndToEndTests {
    /// The step the runs panel shows ("step 12 of 250").
    static func step(_ screen: String) -> Int? {
        guard let match = screen.firstMatch(of: /step (\d+) of \d+/) else { return nil }
        return Int(match.1)
    }

    /// The losses the runs panel shows, in run order.
    static func losses(_ screen: String) -> [Double] {
        screen.components(separatedBy: "loss ").dropFirst().compactMap { rest in
            Double(rest.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "-" })
        }
    }

    /// A run of the lab's JSON: its divisor and every step's loss.
    struct Run: Decodable {
        let scale: String
        let verdict: String
        let losses: [Double]

        /// Mean loss of the first and of the last 20 steps.
        var start: Double { losses.prefix(20).reduce(0, +) / Double(min(20, losses.count)) }
        var end: Double { losses.suffix(20).reduce(0, +) / Double(min(20, losses.count)) }
    }

    @Test(.enabled(if: TmuxSession.isAvailable)) func theLabsCurvesFallARestartTakesOneKeyAndASaveRemakesIt() throws {
        // On the kernels the test's own commands run on (CLIRunner), so the saved lab is remade exactly.
        let kernels = CLIRunner.sameBLASKernels.map { "\($0.key)=\($0.value)" }
        let session = try TmuxSession(environment: kernels)
        try session.waitFor("first frame") { $0.contains("divisor sweep") }
        try session.send("T")
        let training = try session.waitFor("the runs training", seconds: 30) { screen in
            (Self.step(screen) ?? 0) >= 2 && Self.losses(screen).count == 4
        }
        #expect(training.contains("SGD, d_k 256, lr 4, seed 0"))
        #expect(training.contains("none s=1") && training.contains("√d_k s=16") && training.contains("d_k s=256"))
        #expect(training.contains("why: s=1 saturates"))
        #expect(Self.losses(training).allSatisfy { $0 > 0 && $0 < 100 })
        try session.send("Left")
        let restarted = try session.waitFor("d_k 128") { $0.contains("SGD, d_k 128, lr 4, seed 0") }
        #expect(restarted.contains("√d_k s=11.31") && restarted.contains("d_k s=128"))
        // d_k 64 at lr 1: every divisor learns something there (issue 19's grid), so three curves fall.
        try session.send(["Left", "Down", "Down", "Down", "Down"])
        let finished = try session.waitFor("the runs at d_k 64 done", seconds: 60) {
            $0.contains("SGD, d_k 64, lr 1, seed 0") && $0.contains("step 250 of 250")
        }
        #expect(finished.contains("√d_k s=8") && finished.contains("learned"))
        try session.send("S")
        let saved = try session.waitFor("saved") { $0.contains("saved attnview-") }
        let name = try #require(saved.firstMatch(of: /saved (attnview-\S+-lab-dk64-step250)\.txt \+ \.json/)?.1)
        let json = try Data(contentsOf: session.directory.appendingPathComponent("\(name).json"))
        struct Document: Decodable { let runs: [Run] }
        let runs = try JSONDecoder().decode(Document.self, from: json).runs
        #expect(runs.map(\.scale) == ["none", "sqrt", "dk", "sqrt"])
        #expect(runs.allSatisfy { $0.losses.count == 250 })
        for run in runs.prefix(3) {
            #expect(run.end < 0.5 * run.start, "the \(run.scale) curve does not fall: \(run.start) → \(run.end)")
        }
        #expect(runs[1].verdict == "learned" && runs[1].end < 0.05)
        let text = try String(
            contentsOf: session.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        #expect(text.contains("# lab: SGD, d_k 64, lr 1, seed 0, step 250 of 250"))
        let command = try #require(text.split(separator: "\n").first)
        let words = command.dropFirst("# attnview ".count).split(separator: " ").map(String.init)
        let remade = try CLIRunner.run(words)
        #expect(remade.status == 0 && remade.stdoutText == text, "the saved lab's command draws another picture")
        try session.send("Escape")
        try session.waitFor("the picture again") { $0.contains("divisor sweep") && !$0.contains("loss (log)") }
        try session.send("q")
        try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
    }
}
