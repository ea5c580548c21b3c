import ArgumentParser
import Foundation
import Rendering
import Transformer

/// What the shell offers for options whose values are names on this machine: `--theme` the
/// themes `attnview themes` lists, `--model` the installed models and folders. The shell runs the
/// binary to ask (ArgumentParser's custom completion), so the lists are never stale.
enum ShellCompletions {
    /// Theme names starting with the word being completed (a path to a .toml file also works).
    static let themes = CompletionKind.custom { _, _, prefix in
        ThemeCatalog(environment: ProcessInfo.processInfo.environment).availableNames().filter {
            $0.hasPrefix(prefix)
        }
    }

    /// Installed model names, then folders, starting with the word being completed.
    static let models = CompletionKind.custom { _, _, prefix in
        let environment = ProcessInfo.processInfo.environment
        let installed = ModelFolder.modelsDirectory(environment).path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: installed)) ?? []).sorted()
        return names.filter { $0.hasPrefix(prefix) && !$0.hasPrefix(".") } + folders(matching: prefix)
    }

    /// The folders whose path starts with `prefix` (`./m` → `./models/`), each ending in `/`.
    static func folders(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let parent = slash.map { String(prefix[...$0]) } ?? ""
        let start = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let manager = FileManager.default
        let listed = (try? manager.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        return listed.sorted().filter { name in
            var isFolder: ObjCBool = false
            return name.hasPrefix(start) && (!name.hasPrefix(".") || start.hasPrefix("."))
                && manager.fileExists(atPath: (parent.isEmpty ? "" : parent) + name, isDirectory: &isFolder)
                && isFolder.boolValue
        }.map { parent + $0 + "/" }
    }
}

extension ShellCompletions {
    /// The shell `attnview --generate-completion-script SHELL` asks for, nil for any other command line.
    static func requestedShell(_ arguments: [String]) -> CompletionShell? {
        let flag = "--generate-completion-script"
        if arguments.count == 2, arguments[0] == flag { return CompletionShell(rawValue: arguments[1]) }
        if arguments.count == 1, arguments[0].hasPrefix(flag + "=") {
            return CompletionShell(rawValue: String(arguments[0].dropFirst(flag.count + 1)))
        }
        return nil
    }

    /// ArgumentParser's script for `shell`; for bash, `attnview` alone completes the interactive
    /// view's options and their values (it is the default command, which ArgumentParser's script
    /// leaves out of the top level: `attnview --sc<TAB>` gave nothing, `--scale <TAB>` subcommands).
    static func script(for shell: CompletionShell) -> String {
        let script = AttnView.completionScript(for: shell)
        switch shell {
        case .bash: return bashScript(script)
        case .zsh: return zshScript(script)
        case .fish: return fishScript(script)
        default: return script
        }
    }

    /// Where `text` first stands in the script's top-level `_attnview` function (or after it); nil
    /// when ArgumentParser's script no longer has it, and the script is then left as it is.
    fileprivate static func rootFunction(of script: String, find text: String) -> Range<String.Index>? {
        guard let root = script.range(of: "\n_attnview() {") else { return nil }
        return script.range(of: text, range: root.upperBound..<script.endIndex)
    }

    /// Bash: the top level's fallback branch hands a word after an option to the interactive view's
    /// function instead of offering subcommands.
    private static func bashScript(_ script: String) -> String {
        guard let branch = rootFunction(of: script, find: "    *)\n        # Offer subcommand completions\n")
        else { return script }
        let fallBack = """
                *)
                    # attnview alone is the interactive view: its options (and their values) complete here
                    if [[ "${COMP_CWORD}" -gt 1 || "${cur}" == -* ]]; then
                        COMPREPLY=()
                        unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
                        _attnview_interactive
                        return
                    fi
                    # Offer subcommand completions

            """
        return script.replacingCharacters(in: branch, with: fallBack)
    }
}

extension ShellCompletions {
    /// Zsh: when the word after `attnview` is an option (not `-h`/`--help`), the interactive view's
    /// function completes the whole line, its specs reading `attnview` as the command word.
    fileprivate static func zshScript(_ script: String) -> String {
        let anchor = "    local -i ret=1\n    local -ar arg_specs=(\n        '(-h --help)'"
        guard let at = rootFunction(of: script, find: anchor) else { return script }
        let delegate = """
                # attnview alone is the interactive view: its options (and their values) complete here
                if [[ "${words[2]}" == -* && "${words[2]}" != (-h|--help) ]]; then
                    _attnview_interactive
                    return
                fi

            """
        return script.replacingCharacters(in: at.lowerBound..<at.lowerBound, with: delegate)
    }

    /// Fish: every option line of the interactive view is offered at the top level too, where
    /// `attnview` alone is the view.
    fileprivate static func fishScript(_ script: String) -> String {
        let condition = "__attnview_should_offer_completions_for_flags_or_options \"attnview interactive\""
        let topLevel = script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("complete ") && $0.contains(condition) }
            .map {
                $0.replacingOccurrences(
                    of: condition, with: "__attnview_should_offer_completions_for_flags_or_options \"attnview\"")
            }
        return script + (script.hasSuffix("\n") ? "" : "\n") + topLevel.joined(separator: "\n") + "\n"
    }
}
