import AttentionCore
import Foundation
import Glibc
import Testing

/// The real binary in a real (tmux) terminal, driven by keys, read back from the screen.
@Suite(.serialized) struct EndToEndTests {
    /// The first number after `label` on the screen (e.g. the 64 in `d_k 64`), if any.
    static func number(after label: String, in screen: String) -> Double? {
        guard let range = screen.range(of: label) else { return nil }
        let rest = screen[range.upperBound...].drop { !$0.isNumber }
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }

    static func dk(_ screen: String) -> Int? { number(after: "d_k", in: screen).map { Int($0) } }

    @Test func firstFrameShowsHeatmapHistogramsAndParameters() throws {
        let session = try TmuxSession()
        let panels = ["attention weights", "logits", "weights, log10", "statistics", "parameters", "divisor sweep"]
        // tmux may show a frame half-drawn: wait for all of it.
        let screen = try session.waitFor("every panel") { screen in panels.allSatisfy { screen.contains($0) } }
        #expect(Self.dk(screen) == 64)
        #expect(screen.contains("▀▀▀▀"), "the heatmap's half blocks")
        #expect(Self.number(after: "divisor s", in: screen) == 8)
        #expect(screen.contains("BALANCED"))
    }

    @Test func rightArrowDoublesDkAndLeftHalvesIt() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("Right")
        try session.waitFor("d_k 128") { Self.dk($0) == 128 }
        try session.send("Left", "Left")
        try session.waitFor("d_k 32") { Self.dk($0) == 32 }
    }

    /// `b` splits the view (this divisor beside √d_k), follows the divisor keys there, and `b`
    /// again brings back the single view with its divisor curve.
    @Test func bComparesWithTheStandardDivisorAndReturns() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { $0.contains("divisor sweep") }
        try session.send("3", "b")
        // Polled until whole: a capture can land mid-repaint.
        try session.waitFor("the split view at s = 1 against √d_k") {
            $0.contains("now vs the standard divisor") && $0.contains("now · s = 1.000 (no divisor)")
                && $0.contains("standard · s = √d_k = 8.000") && $0.contains("PEAKED") && $0.contains("BALANCED")
        }
        try session.send("0")
        try session.waitFor("both sides at √d_k") { $0.contains("now · s = 8.000 (√d_k)") }
        try session.send("b")
        try session.waitFor("the single view") { $0.contains("divisor sweep") && !$0.contains("now vs the standard") }
    }

    @Test func upArrowRaisesTheDivisorAQuarterOctave() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("Up")
        // 8 · 2^¼ = 9.5137…
        try session.waitFor("divisor 9.514") { Self.number(after: "divisor s", in: $0) == 9.514 }
        try session.send("Down", "Down")
        try session.waitFor("divisor 6.727") { Self.number(after: "divisor s", in: $0) == 6.727 }
    }

    @Test func playAnimatesTheDivisorUntilAKeyIsPressed() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("p")
        var seen = Set<Double>()
        try session.waitFor("three divisors in turn") { screen in
            if let divisor = Self.number(after: "divisor s", in: screen) { seen.insert(divisor) }
            return seen.count >= 3
        }
        try session.send("x")
        let stopped = try session.waitFor("play to stop") { $0.contains("stopped at divisor") }
        let divisor = Self.number(after: "divisor s", in: stopped)
        // Nothing to wait for here: play steps every 80 ms, so after 300 ms a running one would show.
        usleep(300_000)
        #expect(Self.number(after: "divisor s", in: try session.screen()) == divisor)
    }

    @Test func snapshotKeySavesWhatTheScreenShows() throws {
        // Without colour the screen draws the heatmap with the same shade ramp as the text file.
        let session = try TmuxSession(arguments: ["--snapshot-dir", ".", "--no-color"])
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("s")
        let screen = try session.waitFor("the saved path") { $0.contains("saved ") }
        let files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        let names = files.filter { $0.hasPrefix("attnview-") && $0.hasSuffix("-dk64-sqrt.txt") }
        try #require(names.count == 1, "\(files)")
        let saved = try String(contentsOf: session.directory.appendingPathComponent(names[0]), encoding: .utf8)
        let frameLines = saved.split(separator: "\n", omittingEmptySubsequences: false).dropLast().suffix(40)
        let screenLines = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(40)
        let differing = zip(frameLines, screenLines).filter { $0 != $1 }
        #expect(differing.count == 1 && differing.allSatisfy { $0.1.contains("saved ") }, "\(differing)")
        #expect(frameLines.contains { $0.contains("attention weights") })
        // The header's command reproduces the saved text exactly.
        let header = try #require(saved.split(separator: "\n").first)
        let words = header.split(separator: " ").dropFirst(2).map(String.init)
        #expect(words.first == "snapshot")
        #expect(try Self.output(of: TmuxSession.binary.path, Array(words.dropFirst())) == saved)
    }

    @Test func shiftSSavesTheJSONBesideTheText() throws {
        let session = try TmuxSession(arguments: ["--snapshot-dir", ".", "--n", "8", "--dk", "16"])
        try session.waitFor("first frame") { Self.dk($0) == 16 }
        try session.send("S")
        try session.waitFor("the saved paths") { $0.contains(".txt + .json in") }
        let files = try FileManager.default.contentsOfDirectory(atPath: session.directory.path)
        let json = try #require(files.first { $0.hasSuffix("-dk16-sqrt.json") }, "\(files)")
        #expect(files.contains(json.replacingOccurrences(of: ".json", with: ".txt")))
        let data = try Data(contentsOf: session.directory.appendingPathComponent(json))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let params = try #require(document["params"] as? [String: Any])
        #expect(params["dk"] as? Int == 16 && params["n"] as? Int == 8)
        let attention = try #require(document["attention"] as? [[Any]])
        #expect(attention.count == 8 && attention.allSatisfy { $0.count == 8 })
    }

    /// Runs `binary arguments…` without a terminal and returns what it printed.
    static func output(of binary: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["snapshot"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func eAndShiftEJumpToTheSharpestAndFlattestRow() throws {
        let sharpness = RowSharpness(result: try AttentionEngine().compute(AttentionParams()))
        let sharpest = try #require(sharpness.sharpest), flattest = try #require(sharpness.flattest)
        let session = try TmuxSession()
        try session.waitFor("first frame") { $0.contains("H/ln m") && Self.dk($0) == 64 }
        try session.send("e")
        try session.waitFor("row \(sharpest) selected") {
            $0.contains("row \(sharpest) is the sharpest") && $0.contains("row \(sharpest) of 64")
        }
        try session.send("E")
        try session.waitFor("row \(flattest) selected") {
            $0.contains("row \(flattest) is the flattest") && $0.contains("row \(flattest) of 64")
        }
    }

    @Test func shrinkingBelowTheMinimumAndGrowingBackWorks() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.resize(width: 40, height: 12)
        try session.waitFor("the too-small message") { $0.contains("too small") && $0.contains("keys wait") }
        // A key pressed there is ignored: nothing changes out of sight. A second small size, once
        // drawn, shows the key was read while the screen was still too small (keys and a resize
        // arriving together could otherwise be read in either order).
        try session.send("Right")
        try session.resize(width: 41, height: 13)
        try session.waitFor("the second small size") { $0.contains("now 41×13") }
        try session.resize(width: 120, height: 40)
        try session.waitFor("the view again, d_k unchanged") { Self.dk($0) == 64 }
        try session.send("Right")
        try session.waitFor("keys work again") { Self.dk($0) == 128 }
    }

    @Test func quitExitsZeroAndLeavesTheTerminalUsable() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        #expect(try session.paneValue("#{alternate_on}") == "1")
        try session.send("q")
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=0 icanon echo"))
        #expect(try session.paneValue("#{alternate_on}") == "0")
        #expect(try session.paneValue("#{cursor_flag}") == "1")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        let pid = try #require(try session.attnviewProcessID())
        kill(pid, SIGTERM)
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=143 icanon echo"))
        #expect(try session.paneValue("#{alternate_on}") == "0")
        #expect(try session.paneValue("#{cursor_flag}") == "1")
    }

    @Test(arguments: [(SIGHUP, 129), (SIGILL, 132), (SIGSEGV, 139)])
    func hangUpAndCrashesRestoreTheTerminal(signal: Int32, status: Int) throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        let pid = try #require(try session.attnviewProcessID())
        kill(pid, signal)
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=\(status) icanon echo"))
        #expect(try session.paneValue("#{alternate_on}") == "0")
        #expect(try session.paneValue("#{cursor_flag}") == "1")
    }

    @Test func withoutATerminalItPointsToSnapshotAndExits64() throws {
        let process = Process()
        process.executableURL = TmuxSession.binary
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(printed.isEmpty, "nothing on stdout, no escape codes")
        #expect(message.hasPrefix("attnview: ") && message.contains("attnview snapshot"))
        #expect(message.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["no-such-terminal", "dumb"])
    func aTerminalItCannotDriveIsRefusedWithExit64(term: String) throws {
        let session = try TmuxSession(environment: ["TERM=\(term)"])
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=64 icanon echo"))
        #expect(screen.contains("'\(term)'") && screen.contains("attnview snapshot"))
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("C-c")
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=130 icanon echo"))
        #expect(try session.paneValue("#{alternate_on}") == "0")
    }

    /// tmux sends End as ESC [ 4 ~ under TERM=xterm-256color, which that terminfo does not list:
    /// it and sequences no terminfo has must be dropped whole, not read as Esc, `[`, `4`, `~`.
    @Test func endAndUnknownEscapeSequencesAreIgnoredWhole() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("End")
        try session.send("-H", "1b", "5b", "39", "39", "7e")  // ESC [ 99 ~: no key has it
        try session.send("-H", "1b", "5b", "32", "30", "30", "7e")  // bracketed paste start marker
        try session.send("Home", "PageUp", "F13", "M-x", "IC")
        try session.send("Right")
        let screen = try session.waitFor("d_k 128") { Self.dk($0) == 128 }
        #expect(!screen.contains(TmuxSession.exitMarker))
        #expect(!screen.contains("rho is already 0"), "[ was not read as a key")
        #expect(Self.number(after: "rho", in: screen) == 0)
        try session.send("q")
        let exit = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(exit.contains("status=0 icanon echo"))
    }

    @Test func escapeClosesTheHelpAndNeverQuits() throws {
        let session = try TmuxSession()
        try session.waitFor("first frame") { Self.dk($0) == 64 }
        try session.send("?")
        try session.waitFor("the help") { $0.contains("close this help") }
        try session.send("Escape")
        try session.waitFor("the help to close") { !$0.contains("close this help") && Self.dk($0) == 64 }
        try session.send("Escape")
        // Nothing to wait for: an Esc that quit would show the exit line well within 300 ms.
        usleep(300_000)
        try session.send("Right")
        let screen = try session.waitFor("d_k 128") { Self.dk($0) == 128 }
        #expect(!screen.contains(TmuxSession.exitMarker))
    }

    @Test func modelHeadOpensInTheViewWithDkCappedAtTheHeadSize() throws {
        let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path
        let session = try TmuxSession(arguments: [
            "--model", model, "--text", "The cat sat on the mat.", "--layer", "1",
        ])
        let screen = try session.waitFor("the model's head") {
            $0.contains("attention · layer 1 head 0") && $0.contains("[CLS]") && Self.dk($0) == 4
        }
        #expect(screen.contains("statistics"))
        try session.send("Right")
        try session.waitFor("d_k stays at d_head") { $0.contains("d_k") && Self.dk($0) == 4 }
        try session.send("r")
        try session.waitFor("the seed key refused") { $0.contains("Q and K come from the model") }
        try session.send("q")
        try session.waitFor("exit") { $0.contains("\(TmuxSession.exitMarker) status=0") }
    }
}
