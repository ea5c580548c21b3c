import ArgumentParser
import Foundation

/// The `attnview` command: the interactive view by default, plus headless subcommands.
@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "See why softmax(QKᵀ / s) divides by s = √d_k.",
        usage: """
            attnview [<model options>] [<display options>]     (the interactive view)
              attnview snapshot|sweep|heads|export|embed|train|themes [<options>]
            """,
        discussion: """
            Examples:
              attnview --dk 512 --scale none      the interactive view, d_k 512, s = 1
              attnview snapshot --format json     every number of one picture, as JSON
              attnview sweep --dk 16,256,4096     the d_k × scale table
              attnview heads --model minilm       every head of a real model (make model)
              attnview export --model minilm --output dir   every head's weights, Q and K as .npy
              attnview embed --model minilm --text A --text B --alpha 2   does the model care?
              attnview train --grid               train a head: the learning-rate transfer grid
              attnview themes                     the colour themes, with previews
            """,
        subcommands: [
            InteractiveCommand.self, SnapshotCommand.self, SweepCommand.self, HeadsCommand.self, ExportCommand.self,
            EmbedCommand.self,
            TrainCommand.self,
            ThemesCommand.self,
            BenchCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self)

    /// Parses, runs, and turns every error into one line on stderr and a sysexits status
    /// (see `ExitStatus`), instead of ArgumentParser's default of usage text and exit 1.
    static func main() {
        AllocatorPolicy.apply()
        BLASKernels.apply(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if RootHelp.isRequest(error) {
                ExitStatus.printOrExit(RootHelp.text)
                return
            }
            ExitStatus.exit(reporting: error)
        }
    }
}
