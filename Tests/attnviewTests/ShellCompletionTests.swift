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
        return try #require(try run("bash", ["-O", "extglob", "-c", script], environment: environment))
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

    /// Runs `shell` (bash, zsh or fish) with `arguments` and returns its output lines; nil when the
    /// shell is absent.
    private func run(_ shell: String, _ arguments: [String], environment: [String: String] = [:]) throws -> [String]? {
        guard let path = ["/usr/bin/", "/bin/"].map({ $0 + shell }).first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Fish, asked as `complete -C` asks: the view's options and their values at the top level.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish"), "needs fish"))
    func fishCompletesTheViewsOptionsAtTheTopLevel() throws {
        let binary = CLIRunner.executable.path
        let script = """
            '\(binary)' --generate-completion-script fish | source
            complete -C 'attnview --sc'; echo SEP; complete -C 'attnview --scale '; echo SEP; complete -C 'attnview '
            """
        let lines = try #require(try run("fish", ["-c", script]))
        let parts = lines.split(separator: "SEP").map { $0.map { String($0.split(separator: "\t").first ?? "") } }
        #expect(parts.count == 3)
        #expect(parts.first?.contains("--scale") == true, "\(lines)")
        #expect(Set(parts.dropFirst().first ?? []).isSuperset(of: ["sqrt", "dk", "none"]), "\(lines)")
        #expect(parts.last?.contains("snapshot") == true, "subcommands still complete: \(lines)")
    }

    /// Zsh, with `_arguments` stubbed to list the specs it is given: an option after `attnview` reaches
    /// the interactive view's specs, an empty word the top level's subcommands.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), "needs zsh"))
    func zshHandsAnOptionAtTheTopLevelToTheView() throws {
        let binary = CLIRunner.executable.path
        let script = """
            source <('\(binary)' --generate-completion-script zsh)
            _arguments() { print -l -- "$@" | grep -c -- '^--scale\\['; return 0 }
            _describe() { return 0 }
            words=(attnview --sc); CURRENT=2; _attnview
            words=(attnview ''); CURRENT=2; _attnview
            """
        let lines = try #require(try run("zsh", ["-f", "-c", script]))
        #expect(lines == ["1", "0"], "the view's --scale spec for '--sc', none for the subcommand word: \(lines)")
    }
}
