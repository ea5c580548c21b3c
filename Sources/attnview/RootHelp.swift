import ArgumentParser
import Foundation

/// `attnview --help`: the interactive view is what `attnview` alone runs, so the root's help shows
/// the view's options (and its keys line) between the root's usage and its subcommands, rather
/// than only `-h` and a pointer to `attnview interactive --help`.
enum RootHelp {
    /// The root help ArgumentParser would print, with the view's help folded in.
    static var text: String {
        compose(root: AttnView.helpMessage(), view: InteractiveCommand.helpMessage())
    }

    /// Whether `error` is ArgumentParser asking for the root's help (`attnview --help`, `-h`, `help`).
    static func isRequest(_ error: any Error) -> Bool {
        AttnView.exitCode(for: error).isSuccess && AttnView.fullMessage(for: error) == AttnView.helpMessage()
    }

    /// `root` with its OPTIONS block replaced by `view`'s, and `view`'s discussion after the root's.
    /// Both are ArgumentParser help texts: sections separated by blank lines, headed "NAME:".
    static func compose(root: String, view: String) -> String {
        let rootSections = sections(root)
        let viewSections = sections(view)
        guard let viewOptions = viewSections.first(where: { $0.hasPrefix("OPTIONS:") }) else { return root }
        let usage = viewSections.firstIndex { $0.hasPrefix("USAGE:") } ?? 0
        let viewNotes = viewSections.prefix(usage).filter { !$0.hasPrefix("OVERVIEW:") }
        var result: [String] = []
        for section in rootSections {
            if section.hasPrefix("OPTIONS:") {
                result.append(
                    "OPTIONS (the interactive view; snapshot takes the same model and display options):"
                        + viewOptions.dropFirst("OPTIONS:".count))
            } else {
                result.append(section)
                if section.hasPrefix("USAGE:") { result.append(contentsOf: viewNotes) }
            }
        }
        return result.joined(separator: "\n\n") + "\n"
    }

    /// The blank-line-separated sections of a help text, without surrounding blank lines.
    private static func sections(_ text: String) -> [String] {
        text.split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
    }
}
