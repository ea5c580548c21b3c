import ArgumentParser

/// `attnview manual`: the man page, written from the argument parser's own help so it cannot
/// drift from the options (`make install` stores it as `share/man/man1/attnview.1`). Hidden: a
/// build step, not something users type.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the man page (roff) for make install.", shouldDisplay: false)

    func run() throws {
        try ByteSink.standardOutput { $0.write(ManualPage.roff()) }
    }
}

/// The man page as roff: name, synopsis, then each user-facing command's full help, exit statuses
/// and where themes are found.
enum ManualPage {
    /// Help text wraps at this width inside the page's preformatted blocks.
    static let columns = 78

    static func roff() -> String {
        let root = AttnView.configuration
        var page = [
            ".TH ATTNVIEW 1 \"\" \"attnview\" \"User Commands\"",
            ".SH NAME",
            "attnview \\- " + escape(root.abstract),
            ".SH SYNOPSIS",
            ".nf",
            escape(
                (root.usage ?? "attnview").split(separator: "\n").map { $0.trimmingPrefix(" ") }.joined(separator: "\n")
            ),
            ".fi",
        ]
        let commands = root.subcommands.filter { $0.configuration.shouldDisplay }
        // Every headless command by name, from the list below, so a new one is never left out.
        let names: [String] = commands.compactMap { command in command.configuration.commandName }
        let headless = names.filter { $0 != "interactive" }
        page += [
            ".SH DESCRIPTION",
            "With no subcommand attnview opens the interactive view; "
                + headless.dropLast().joined(separator: ", ") + " and " + (headless.last ?? "")
                + " run without a terminal. Each command's options follow.",
            ".SH COMMANDS",
        ]
        for command in commands {
            page.append(".SS \"attnview \(command.configuration.commandName ?? "")\"")
            page.append(".nf")
            page.append(escape(AttnView.helpMessage(for: command, columns: columns)))
            page.append(".fi")
        }
        page.append(".SH EXIT STATUS")
        for status in ExitStatus.documented {
            page.append(".TP")
            page.append("\(status.rawValue)")
            page.append(escape(status.meaning))
        }
        page.append(".SH FILES")
        page.append(".TP")
        page.append("$XDG_CONFIG_HOME/attnview/themes/NAME.toml (else ~/.config/attnview/themes)")
        page.append("User themes; a user theme with a bundled theme's name replaces it. See attnview themes.")
        return page.joined(separator: "\n") + "\n"
    }

    /// `text` safe for roff: backslashes escaped, and no line starting with a control character.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }
}
