import AttentionCore
import Foundation
import Rendering
import TensorFiles

/// The `attnview snapshot …` command line that reproduces a picture, written into snapshot
/// headers. Built from the resolved parameters, so defaults a user left out are spelled out
/// only where they matter and a file's d_k is the one actually used. `arguments` is the one place
/// that spells flags: a new option of `snapshot` that changes the picture is added there.
struct SnapshotCommandLine {
    var params: AttentionParams
    /// The heatmap mode and selected row; status, help and play are not part of a snapshot.
    var view = ViewState()
    var theme: String
    var noColor: Bool
    var ascii: Bool
    var format: String
    var width: Int
    var height: Int
    /// `--colors` for ANSI output; nil when the format has no colour.
    var colors: String?
    /// `--compare`: the picture sets the standard divisor beside the current one.
    var compare = false

    /// The arguments after `attnview`, one element per shell word.
    var arguments: [String] {
        var words = ["snapshot"]
        func add(_ flag: String, _ value: String) { words += [flag, value] }
        for (name, value) in params.source.describing.arguments(params) {
            switch value {
            case .integer(let integer): add("--" + name, "\(integer)")
            case .number(let number): add("--" + name, number.shortestSpelling)
            case .null: break
            case .text(let text):
                // `--text` reads `@FILE` and `-` itself; `--flag=value` for a model or text that
                // starts with "-", which would otherwise read as a flag.
                let spelled = name == "text" ? TextArgument.escaped(text) : text
                if spelled.hasPrefix("-") && ["model", "text"].contains(name) {
                    words.append("--\(name)=\(spelled)")
                } else {
                    add("--" + name, spelled)
                }
            }
        }
        if case let .fixed(divisor) = params.scale {
            add("--scale", divisor.shortestSpelling)
        } else {
            add("--scale", params.scale.name)
            if params.alpha != 1 { add("--alpha", params.alpha.shortestSpelling) }
        }
        if params.causal { words.append("--causal") }
        if view.heatmap != .weights { add("--view", view.heatmap.rawValue) }
        if view.selectedRow != 0 { add("--row", "\(view.selectedRow)") }
        if theme != "default" { add("--theme", theme) }
        if noColor { words.append("--no-color") }
        if ascii { words.append("--ascii") }
        if compare { words.append("--compare") }
        add("--format", format)
        if let colors { add("--colors", colors) }
        add("--width", "\(width)")
        add("--height", "\(height)")
        return words
    }

    /// The whole command, quoted for a POSIX shell.
    var text: String {
        (["attnview"] + arguments.map(Self.shellQuoted)).joined(separator: " ")
    }

    /// `word` unchanged when the shell would read it as is, else in single quotes; a word with
    /// control characters in `$'…'`, where they are spelled `\x1b` (`VisibleControls`), so the
    /// header stays free of escape codes and the shell still reads back the very same word.
    static func shellQuoted(_ word: String) -> String {
        if word.unicodeScalars.contains(where: VisibleControls.isControl) {
            var quoted = "$'"
            for scalar in word.unicodeScalars {
                switch scalar {
                case "\\": quoted += "\\\\"
                case "'": quoted += "\\'"
                case _ where VisibleControls.isControl(scalar): quoted += VisibleControls.spelling(scalar)
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "'"
        }
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                ($0.properties.isAlphabetic && $0.isASCII) || "0123456789-_./=,:+@%".unicodeScalars.contains($0)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
