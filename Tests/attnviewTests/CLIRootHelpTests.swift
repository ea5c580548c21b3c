import Foundation
import Testing

@testable import attnview

/// `attnview --help` shows the view's options: the view is the default command.
@Test(arguments: [["--help"], ["-h"], ["help"]])
func rootHelpShowsTheInteractiveViewsOptions(arguments: [String]) throws {
    let outcome = try CLIRunner.run(arguments)
    #expect(outcome.status == 0)
    let help = outcome.stdoutText
    for option in ["--dk <dk>", "--scale <scale>", "--seed <seed>", "--rho <rho>", "--theme <theme>", "--snapshot-dir"]
    {
        #expect(help.contains(option), "root help lacks \(option)")
    }
    #expect(help.contains("SUBCOMMANDS:") && help.contains("snapshot") && help.contains("sweep"))
    #expect(help.contains("USAGE: attnview [<model options>]"))
    #expect(help.components(separatedBy: "OPTIONS").count == 2, "one options block, the view's")
}

@Test func subcommandHelpIsUnchanged() throws {
    let outcome = try CLIRunner.run(["sweep", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.stdoutText.contains("--trials <trials>"))
    #expect(!outcome.stdoutText.contains("--snapshot-dir"))
}

@Test func composeSwapsTheOptionsBlockAndKeepsTheRest() {
    let root = "OVERVIEW: root\n\nUSAGE: r\n\nOPTIONS:\n  -h, --help   Help.\n\nSUBCOMMANDS:\n  a   A.\n"
    let view = "OVERVIEW: view\n\nKeys: q quits.\n\nUSAGE: v\n\nOPTIONS:\n  --dk <dk>   D.\n  -h, --help   Help.\n"
    let composed = RootHelp.compose(root: root, view: view)
    #expect(
        composed == """
            OVERVIEW: root

            USAGE: r

            Keys: q quits.

            OPTIONS (the interactive view; snapshot takes the same model and display options):
              --dk <dk>   D.
              -h, --help   Help.

            SUBCOMMANDS:
              a   A.

            """)
}

/// Help on a full disk reports the failed write and exits 74 instead of 0 (issue 17, point 9).
@Test(arguments: [["--help"], ["snapshot", "--help"], ["--generate-completion-script", "bash"]])
func helpThatCannotBeWrittenIsAnIOError(arguments: [String]) throws {
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = arguments
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "writes to /dev/full fail with ENOSPC")
    let errors = Pipe()
    process.standardOutput = full
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(stderr == "attnview: standard output: no space left on device\n")
}
