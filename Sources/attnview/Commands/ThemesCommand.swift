import ArgumentParser
import Foundation
import Rendering
import TensorFiles

/// `attnview themes`: every theme found, user themes first, with a preview strip of each ramp.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes with a preview of each ramp.",
        discussion: """
            Themes are looked up in $XDG_CONFIG_HOME/attnview/themes (else ~/.config/attnview/themes), \
            then among the bundled ones; use one with --theme NAME or --theme PATH. The strips show the \
            weights ramp (low to high) and the logits ramp (negative, 0, positive) in colour when stdout \
            is a colour terminal.
            """)

    /// Cells per preview strip: enough to see every stop of a ramp.
    static let stripWidth = 24

    @Flag(help: "No colour strips (also when NO_COLOR is set, TERM=dumb, or stdout is not a terminal).")
    var noColor = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog(environment: environment)
        let depth: ColorDepth =
            noColor || isatty(STDOUT_FILENO) != 1
            ? .none : ColorDepth.detect(environment: environment, terminalColors: nil)
        let entries = catalog.availableNames().map { name in
            (name: name, theme: Result { () throws(ThemeError) -> Theme in try catalog.load(name) })
        }
        // Names and summaries come from the user's files: their control characters are shown escaped.
        let names = entries.map { VisibleControls.escaped($0.name) }
        let descriptions = entries.map { entry in
            switch entry.theme {
            case let .success(theme): theme.summary + (isUserTheme(entry.name, catalog) ? " (user)" : "")
            case let .failure(error): "cannot be used: \(error.description)"
            }
        }
        .map(VisibleControls.escaped)
        let nameWidth = max(names.map(DisplayWidth.of).max() ?? 0, "theme".count) + 2
        let strips = depth == .none ? 0 : 2 * (Self.stripWidth + 2)
        let title =
            "theme".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            + (strips > 0
                ? "weights".padding(toLength: Self.stripWidth + 2, withPad: " ", startingAt: 0)
                    + "logits".padding(toLength: Self.stripWidth + 2, withPad: " ", startingAt: 0) : "")
            + "description\n"
        var frame = Frame(
            width: nameWidth + strips + (descriptions.map(DisplayWidth.of).max() ?? 0), height: entries.count)
        for (row, entry) in entries.enumerated() {
            frame.put(names[row], x: 0, y: row)
            var x = nameWidth
            if depth != .none, case let .success(theme) = entry.theme {
                x = drawStrip(theme.weights, at: x, row: row, depth: depth, into: &frame)
                x = drawStrip(theme.logits, at: x, row: row, depth: depth, into: &frame)
            }
            frame.put(descriptions[row], x: depth == .none ? nameWidth : nameWidth + strips, y: row)
        }
        let body = depth == .none ? frame.plainText() : frame.ansiText()
        var text = title + body
        if depth == .none, !noColor, isatty(STDOUT_FILENO) == 1 {
            text += "(colour previews need a colour terminal: NO_COLOR and TERM=dumb turn them off)\n"
        }
        try ByteSink.standardOutput { $0.write(text) }
    }

    /// Draws `ramp` low to high as coloured cells from column `x`; returns the column after it and a gap.
    private func drawStrip(_ ramp: ColorRamp, at x: Int, row: Int, depth: ColorDepth, into frame: inout Frame) -> Int {
        for index in 0..<Self.stripWidth {
            let color = depth.resolve(ramp.color(at: Double(index) / Double(Self.stripWidth - 1)))
            frame[x + index, row] = Cell(" ", background: color)
        }
        return x + Self.stripWidth + 2
    }

    private func isUserTheme(_ name: String, _ catalog: ThemeCatalog) -> Bool {
        guard let directory = catalog.userDirectory else { return false }
        return FileManager.default.fileExists(atPath: directory + "/" + name + ".toml")
    }
}
