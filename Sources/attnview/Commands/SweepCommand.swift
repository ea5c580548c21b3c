import ArgumentParser

/// `attnview sweep`: Statistics over a grid of d_k and divisor policies.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Statistics over a grid of d_k and divisor policies.")

    func run() throws {
        print("sweep: not implemented yet")
    }
}
