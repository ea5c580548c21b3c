import Foundation
import Testing

/// One bad command line, the status it must exit with and a fragment its one-line message must hold.
struct BadInvocation: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let status: Int32
    let fragment: String

    var testDescription: String { arguments.joined(separator: " ") }
}

private let usageErrors: [BadInvocation] = [
    BadInvocation(arguments: ["snapshot", "--bogus"], status: 64, fragment: "'--bogus'"),
    BadInvocation(arguments: ["--bogus"], status: 64, fragment: "'--bogus'"),
    BadInvocation(
        arguments: ["snapshot", "--n", "0"], status: 64, fragment: "--n 0 is out of range (allowed: 1–4096)"),
    BadInvocation(arguments: ["snapshot", "--n", "4097"], status: 64, fragment: "--n 4097"),
    BadInvocation(arguments: ["snapshot", "--m", "0"], status: 64, fragment: "--m 0"),
    BadInvocation(arguments: ["snapshot", "--n", "ten"], status: 64, fragment: "'ten'"),
    BadInvocation(arguments: ["snapshot", "--dk", "0"], status: 64, fragment: "--dk 0"),
    BadInvocation(arguments: ["snapshot", "--dk", "65537"], status: 64, fragment: "--dk 65537"),
    BadInvocation(arguments: ["snapshot", "--sigma", "0"], status: 64, fragment: "--sigma 0"),
    BadInvocation(arguments: ["snapshot", "--rho", "1"], status: 64, fragment: "--rho 1"),
    BadInvocation(arguments: ["snapshot", "--alpha", "0"], status: 64, fragment: "--alpha 0"),
    BadInvocation(arguments: ["snapshot", "--alpha", "1e-9"], status: 64, fragment: "--alpha 1e-09"),
    BadInvocation(arguments: ["snapshot", "--scale", "cube"], status: 64, fragment: "--scale 'cube'"),
    BadInvocation(arguments: ["snapshot", "--scale", "2e6"], status: 64, fragment: "--scale 2e6 is out of range"),
    BadInvocation(arguments: ["snapshot", "--q", "q.npy"], status: 64, fragment: "--q needs --k"),
    BadInvocation(
        arguments: ["snapshot", "--q", "q.npy", "--k", "k.npy", "--n", "4"], status: 64,
        fragment: "--n cannot be combined with --q/--k"),
    BadInvocation(arguments: ["snapshot", "--k", "k.npy"], status: 64, fragment: "--k needs --q"),
    BadInvocation(arguments: ["snapshot", "--format", "xml"], status: 64, fragment: "'xml'"),
    BadInvocation(
        arguments: ["snapshot", "--width", "79"], status: 64,
        fragment: "--width 79 is out of range (allowed: 80–1000)"),
    BadInvocation(
        arguments: ["snapshot", "--height", "23"], status: 64, fragment: "--height 23 is out of range (allowed: 24–500)"
    ),
    BadInvocation(arguments: ["snapshot", "--height", "9999"], status: 64, fragment: "--height 9999"),
    BadInvocation(arguments: ["snapshot", "--colors", "8"], status: 64, fragment: "'8' is invalid for '--colors"),
    BadInvocation(arguments: ["snapshot", "--force"], status: 64, fragment: "--force only applies with --output"),
    BadInvocation(arguments: ["sweep", "--dk", "16,x"], status: 64, fragment: "--dk item 'x'"),
    BadInvocation(arguments: ["sweep", "--dk", "16,0"], status: 64, fragment: "--dk 0 is out of range"),
    BadInvocation(arguments: ["sweep", "--dk", "16,,64"], status: 64, fragment: "empty item"),
    BadInvocation(arguments: ["sweep", "--scale", "none,cube"], status: 64, fragment: "--scale 'cube'"),
    BadInvocation(arguments: ["sweep", "--trials", "0"], status: 64, fragment: "--trials 0"),
    BadInvocation(arguments: ["sweep", "--format", "xml"], status: 64, fragment: "'xml'"),
]

@Test(arguments: usageErrors)
func badInputGivesOneLineAndSysexitsStatus(_ bad: BadInvocation) throws {
    let outcome = try CLIRunner.run(bad.arguments)
    #expect(outcome.status == bad.status)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.hasPrefix("attnview: "))
    #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(outcome.stderr)")
    #expect(outcome.stderr.contains(bad.fragment), "\(outcome.stderr) lacks \(bad.fragment)")
}

@Test func usageErrorsPointToTheSubcommandsHelp() throws {
    #expect(try CLIRunner.run(["sweep", "--bogus"]).stderr.contains("(see 'attnview sweep --help')"))
}

@Test func helpIsPrintedAndSucceeds() throws {
    let outcome = try CLIRunner.run(["snapshot", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.stdoutText.contains("--format"))
    #expect(outcome.stdoutText.contains("--force"))
}

@Test func existingOutputIsKeptWithoutForce() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("snap.json")
    try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
    let refused = try CLIRunner.run(["snapshot", "--n", "4", "--dk", "8", "--format", "json", "--output", path])
    #expect(refused.status == 73)
    #expect(refused.stderr == "attnview: \(path) exists (use --force to overwrite)\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")

    let forced = try CLIRunner.run(
        ["snapshot", "--n", "4", "--dk", "8", "--format", "json", "--output", path, "--force"])
    #expect(forced.status == 0)
    #expect(forced.stdout.isEmpty)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
}

/// `--output FIFO --force` exits 73 naming what the path is, and never opens the FIFO (which
/// would block with no reader) nor replaces it.
@Test func forceNeverReplacesAFIFO() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = scratch.path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let refused = try CLIRunner.run(["snapshot", "--n", "4", "--dk", "8", "--output", fifo, "--force"])
    #expect(refused.status == 73)
    #expect(refused.stderr == "attnview: \(fifo) is a FIFO, not a regular file: attnview does not replace it\n")
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
}

@Test func unwritableOutputIsAnIOError() throws {
    let outcome = try CLIRunner.run(["snapshot", "--format", "json", "--output", "/nonexistent-dir/snap.json"])
    #expect(outcome.status == 74)
    #expect(outcome.stderr.hasPrefix("attnview: /nonexistent-dir/snap.json: "))
}
