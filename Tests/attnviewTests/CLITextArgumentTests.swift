import Foundation
import Testing

/// `--text @FILE`, `--text -` and `--text @@…` on the commands that take a text: files checked as untrusted.
@Suite struct CLITextArgumentTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

    /// The tokens `snapshot --format json` reports for `text`, with `input` on standard input.
    static func tokens(_ text: String, input: Data = Data()) throws -> (
        status: Int32, tokens: [String]?, stderr: String
    ) {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["snapshot", "--format", "json", "--model", model, "--text", text]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let document = try? JSONSerialization.jsonObject(with: output) as? [String: Any]
        return (process.terminationStatus, document?["tokens"] as? [String], errors)
    }

    @Test func textComesFromAFileStandardInputOrIsLiteral() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Data("the cat sat\n".utf8).write(to: URL(fileURLWithPath: scratch.path("text.txt")))
        #expect(try Self.tokens("@" + scratch.path("text.txt")).tokens == ["[CLS]", "the", "cat", "sat", "[SEP]"])
        #expect(try Self.tokens("-", input: Data("a dog\n".utf8)).tokens == ["[CLS]", "a", "dog", "[SEP]"])
        #expect(try Self.tokens("@@@cat").tokens == ["[CLS]", "[UNK]", "cat", "[SEP]"])
        #expect(try Self.tokens("@@-").tokens == ["[CLS]", "-", "[SEP]"])
    }

    @Test func untrustedTextFilesAreRefusedByName() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        try Data([0x61, 0xFF]).write(to: URL(fileURLWithPath: scratch.path("binary")))
        try Data(count: (1 << 20) + 1).write(to: URL(fileURLWithPath: scratch.path("large")))
        let cases: [(String, Int32, String)] = [
            (fifo, 65, "not a regular file"),
            (scratch.path("binary"), 65, "not valid UTF-8"),
            (scratch.path("large"), 65, "larger than 1048576 bytes"),
            (scratch.path("missing"), 66, "no such file"),
            (scratch.url.path, 65, "not a regular file"),
        ]
        for (path, status, fragment) in cases {
            let outcome = try Self.tokens("@" + path)
            #expect(outcome.status == status, "\(path): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("attnview: \(path): \(fragment)"), "\(outcome.stderr)")
        }
        for command in [["heads"], ["export", "--output", scratch.path("out")]] {
            let outcome = try CLIRunner.run(command + ["--model", Self.model, "--text", "@" + fifo])
            #expect(
                outcome.status == 65 && outcome.stderr.contains("not a regular file"), "\(command): \(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }
}
