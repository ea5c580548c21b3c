import ArgumentParser

/// The `attnview` command: the interactive view by default, plus headless subcommands.
@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "See why softmax(QKᵀ / s) divides by s = √d_k.",
        subcommands: [InteractiveCommand.self, SnapshotCommand.self, SweepCommand.self, ThemesCommand.self, BenchCommand.self],
        defaultSubcommand: InteractiveCommand.self)
}
