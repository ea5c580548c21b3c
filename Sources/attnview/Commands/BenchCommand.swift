import ArgumentParser

/// `attnview bench`: Time the core computation (for scripts/bench).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the core computation (for scripts/bench).")

    func run() throws {
        print("bench: not implemented yet")
    }
}
