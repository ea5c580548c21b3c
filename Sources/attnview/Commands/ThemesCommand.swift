import ArgumentParser
import Foundation
import Rendering

/// `attnview themes`: every theme found, user themes first, with a preview of its ramps.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes with a preview of each ramp.",
        discussion: "Themes are found in $XDG_CONFIG_HOME/attnview/themes (else ~/.config/attnview/themes), then the bundled ones.")

    func run() throws {
        let catalog = ThemeCatalog(environment: ProcessInfo.processInfo.environment)
        var lines: [String] = []
        for name in catalog.availableNames() {
            lines.append(name)
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
