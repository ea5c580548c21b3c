import Foundation
import Testing

/// The bash completion `make install` installs, run as bash runs it: the view's own options
/// complete at the top level, enumerated options offer their values, `--theme` the themes and
/// `--model` the installed models and folders.
@Suite struct ShellCompletionTests {
    /// What bash offers after `attnview words…` (the last word is the one being completed).
    private func completions(_ words: [String], environment: [String: String] = [:]) throws -> [String] {
        let binary = CLIRunner.executable.path
        let quoted = ([binary] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = """
            source <('\(binary)' --generate-completion-script bash)
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _attnview '\(binary)' "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-O", "extglob", "-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func theViewsOptionsCompleteAtTheTopLevel() throws {
        #expect(try completions(["--sc"]).contains("--scale"))
        #expect(try completions(["--dk", "512", "--the"]).contains("--theme"))
        let first = try completions([""])
        #expect(first.contains("snapshot") && first.contains("heads"), "subcommands still complete: \(first)")
    }

    @Test func enumeratedOptionsOfferTheirValues() throws {
        #expect(Set(try completions(["--scale", ""])).isSuperset(of: ["sqrt", "dk", "none"]))
        #expect(Set(try completions(["snapshot", "--format", ""])).isSuperset(of: ["json", "text", "ansi", "svg"]))
        #expect(Set(try completions(["--view", ""])) == ["weights", "logits"])
    }

    @Test func themeAndModelCompleteNamesFromThisMachine() throws {
        let themes = try completions(["--theme", "vi"])
        #expect(themes == ["viridis"], "\(themes)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let installed = home.appendingPathComponent("attnview/models/tiny-one")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        let models = try completions(["--model", "tiny"], environment: ["XDG_DATA_HOME": home.path])
        #expect(models.contains("tiny-one"), "\(models)")
    }
}
