import ArgumentParser

/// `attnview themes`: List the colour themes with a preview of each ramp.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the colour themes with a preview of each ramp.")

    func run() throws {
        print("themes: not implemented yet")
    }
}
