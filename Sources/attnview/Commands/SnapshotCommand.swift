import ArgumentParser

/// `attnview snapshot`: Print or save the picture and its numbers without a terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Print or save the picture and its numbers without a terminal.")

    func run() throws {
        print("snapshot: not implemented yet")
    }
}
