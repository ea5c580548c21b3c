import ArgumentParser

/// The `attnview` command: the interactive view by default, plus headless subcommands.
@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "See why softmax(QKᵀ / s) divides by s = √d_k.",
        subcommands: [])

    func run() throws {
        print("attnview")
    }
}
