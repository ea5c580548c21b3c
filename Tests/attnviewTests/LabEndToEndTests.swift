import Foundation
import Testing

/// The training lab in a real (tmux) terminal: `T` opens it and the runs train in the background
/// (the debug build steps slowly, so a few steps suffice), ← restarts them at d_k 128 mid-run, and
/// Esc returns to the picture.
@Suite(.serialized) struct LabEndToEndTests {
    /// The step the runs panel shows ("step 12 of 250").
    static func step(_ screen: String) -> Int? {
        guard let match = screen.firstMatch(of: /step (\d+) of \d+/) else { return nil }
        return Int(match.1)
    }

    /// The losses the runs panel shows, in run order.
    static func losses(_ screen: String) -> [Double] {
        screen.components(separatedBy: "loss ").dropFirst().compactMap { rest in
            Double(rest.prefix { $0.isNumber || $0 == "." })
        }
    }

    @Test(.enabled(if: TmuxSession.isAvailable)) func theLabTrainsRestartsOnAKeyAndEscReturns() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { $0.contains("divisor sweep") }
        try session.send("T")
        let training = try session.waitFor("three runs training", seconds: 30) { screen in
            (Self.step(screen) ?? 0) >= 2 && Self.losses(screen).count == 4
        }
        #expect(training.contains("SGD, d_k 256, lr 4, seed 0"))
        #expect(training.contains("none s=1") && training.contains("√d_k s=16") && training.contains("d_k s=256"))
        #expect(training.contains("why: s=1 saturates"))
        #expect(Self.losses(training).allSatisfy { $0 > 0 && $0 < 100 })
        try session.send("Left")
        let restarted = try session.waitFor("d_k 128") { $0.contains("SGD, d_k 128, lr 4, seed 0") }
        #expect((Self.step(restarted) ?? 99) < (Self.step(training) ?? 0) + 2)
        #expect(restarted.contains("√d_k s=11.31") && restarted.contains("d_k s=128"))
        try session.send("Escape")
        try session.waitFor("the picture again") { $0.contains("divisor sweep") && !$0.contains("loss (log)") }
        try session.send("q")
        try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
    }
}
