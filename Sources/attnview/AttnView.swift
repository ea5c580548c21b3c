import ArgumentParser

/// The `attnview` command: the interactive view by default, plus headless subcommands.
@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "See why softmax(QKᵀ / s) divides by s = √d_k.",
        subcommands: [InteractiveCommand.self, SnapshotCommand.self, SweepCommand.self, ThemesCommand.self, BenchCommand.self],
        defaultSubcommand: InteractiveCommand.self)

    /// Parses, runs, and turns every error into one line on stderr and a sysexits status
    /// (see `ExitStatus`), instead of ArgumentParser's default of usage text and exit 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ExitStatus.exit(reporting: error)
        }
    }
}
