import ArgumentParser
import AttentionCore
import Rendering
import TensorFiles
import Testing
import Transformer

@testable import attnview

/// The executable's status type (Swift Testing has an `ExitStatus` of its own).
private typealias Status = attnview.ExitStatus

/// The error ArgumentParser throws for `arguments`.
private func parseError(_ arguments: [String]) -> (any Error)? {
    do {
        _ = try AttnView.parseAsRoot(arguments)
        return nil
    } catch {
        return error
    }
}

@Test func everyErrorTypeMapsToItsSysexitsStatus() throws {
    let cases: [(any Error, Status)] = [
        (AttentionError.outOfRange(.n, value: "0", allowed: "1–4096"), .usage),
        (FlagError(flag: "--trials", value: "0", allowed: "1–1000"), .usage),
        (AttentionError.fileNotFound(path: "q.npy"), .noInput),
        (AttentionError.badFile(path: "q.npy", reason: "truncated"), .dataError),
        (AttentionError.shapeMismatch("q.npy has d = 5 but k.npy has d = 4"), .dataError),
        (ThemeError.unknownName("nope", available: ["default"]), .usage),
        (ThemeError.missingFile("themes/nope.toml"), .noInput),
        (ThemeError.invalid(file: "t.toml", line: 3, key: "weights", reason: "bad colour"), .dataError),
        (OutputError.exists(path: "out.txt"), .cannotCreate),
        (OutputError.unwritable(path: "out.txt", reason: "no space left on device"), .ioError),
        (TerminalError.notATerminal, .usage),
        (ModelError.notInstalled(name: "minilm", folder: "/x/minilm"), .noInput),
        (ModelError.folderNotFound(path: "./bert"), .noInput),
        (ModelError.badConfig(path: "config.json", reason: "model_type is \"gpt2\""), .dataError),
        (ModelError.weights(.missingTensor(path: "m.safetensors", tensor: "x")), .dataError),
        (ModelError.weights(.fileNotFound(path: "m.safetensors")), .noInput),
        (ModelError.tokenizer(.fileNotFound(path: "vocab.txt")), .noInput),
        (ModelError.tokenizer(.emptyVocabulary(source: "vocab.txt")), .dataError),
        (ModelError.emptyText, .usage),
        (ModelError.textTooLong(tokens: 600, limit: 512), .usage),
        (ModelError.outOfRange(.layer, value: 6, count: 6), .usage),
        (ValidationError("--width 5 is out of range"), .usage),
        (try #require(parseError(["snapshot", "--bogus"])), .usage),
        (try #require(parseError(["snapshot", "--n", "ten"])), .usage),
        (CleanExit.helpRequest(), .success),
        (ExitCode(65), .dataError),
    ]
    for (error, status) in cases {
        #expect(Status(for: error) == status, "\(error)")
    }
}

@Test func messagesAreOneLineNamingTheCulprit() throws {
    #expect(Status.message(for: AttentionError.fileNotFound(path: "q.npy")) == "q.npy: no such file or not readable")
    #expect(Status.message(for: OutputError.exists(path: "a.txt")) == "a.txt exists (use --force to overwrite)")
    let unknown = try #require(parseError(["sweep", "--bogus"]))
    #expect(Status.message(for: unknown).contains("'--bogus'"))
    #expect(!Status.message(for: ValidationError("first\nsecond")).contains("\n"))
    // A newline in a file name is the user's: escaped, not read as the message's own line break.
    #expect(
        Status.message(for: AttentionError.fileNotFound(path: "a\nb.npy"))
            == #"a\x0ab.npy: no such file or not readable"#)
}

/// The core and the encoder name parameters; the executable's one mapping spells each as the flag
/// that sets it, and every such flag is an option of `snapshot`.
@Test func errorsNameTheFlagOfTheParameterAtFault() throws {
    #expect(
        Status.message(for: AttentionError.outOfRange(.dk, value: "0", allowed: "1–65536"))
            == "--dk 0 is out of range (allowed: 1–65536)")
    #expect(Status.message(for: ModelError.emptyText) == "--text has no words the model reads: give it some words")
    #expect(Status.message(for: ModelError.outOfRange(.head, value: 4, count: 4)).hasPrefix("--head 4 is out of range"))
    let help = AttnView.helpMessage(for: SnapshotCommand.self)
    for flag in AttentionParameter.allCases.map(\.flag) + ModelParameter.allCases.map(\.flag) {
        #expect(help.contains(flag + " "), "\(flag) is not an option of snapshot")
    }
    #expect(AttentionError.outOfRange(.dk, value: "0", allowed: "1").description.hasPrefix("d_k 0"))
}

@Test func hintsPointWhereHelpIs() {
    #expect(Status.helpCommand(arguments: ["attnview", "sweep", "--bogus"]) == "attnview sweep --help")
    #expect(Status.helpCommand(arguments: ["attnview", "--bogus"]) == "attnview --help")
    let theme = ThemeError.unknownName("nope", available: ["default"])
    #expect(Status.hint(for: theme, status: .usage, arguments: []) == nil)
    #expect(Status.hint(for: AttentionError.fileNotFound(path: "q"), status: .noInput, arguments: []) == nil)
}

/// glibc takes the fixed mmap threshold that returns large freed matrices to the system (issue 17).
@Test func theAllocatorPolicyIsTakenByGlibc() {
    #expect(AllocatorPolicy.apply())
}
