import ArgumentParser

/// `attnview interactive`: Open the interactive view (the default).
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "interactive", abstract: "Open the interactive view (the default).")

    func run() throws {
        print("interactive: not implemented yet")
    }
}
