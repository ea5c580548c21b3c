import ArgumentParser
import AttentionCore
import Foundation
import Training

/// `attnview train`: train one attention head on the retrieval task at each d_k × divisor × learning
/// rate, and print each run's outcome; `--grid` is the learning-rate transfer grid.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one attention head at each d_k × divisor × learning rate; print how each run went.",
        discussion: """
            The task: n tokens of width d_model, a query that is one of them plus noise; the head must \
            learn to attend to it (loss ‖o − x_j‖²/d_model, ≈ 1 for uniform attention, 0 when learned). \
            final_loss is the mean of the last 20 steps; steps_to_target the first step below 0.05. \
            Seeded and deterministic. --grid: d_k 16,64,256,1024 × learning rates 2^-4…2^8 (SGD) or \
            2^-12…2^0 (Adam), as one final-loss table per divisor policy.
            """)

    static let dkRange = 1...4096
    static let stepRange = 1...100_000
    static let dModelRange = 1...1024
    static let tokenRange = 2...1024
    static let batchRange = 1...4096
    static let noiseRange = 0.0...10
    static let learningRateRange = 1e-12...1e30
    static let threadRange = 1...64

    @Option(
        parsing: .unconditional, help: "Comma-separated d_k values, each 1–4096 (default 256; --grid 16,64,256,1024).")
    var dk: String?

    @Option(parsing: .unconditional, help: "Comma-separated divisor policies: sqrt, dk, none or positive numbers.")
    var scale: String = "none,sqrt,dk"

    @Option(
        parsing: .unconditional,
        help: "Comma-separated learning rates, each > 0 (default 4 for SGD, 1/64 for Adam; --grid: the grid's).")
    var lr: String?

    @Option(help: "Optimiser: sgd or adam.")
    var optimizer: Optimizer = .sgd

    @Option(parsing: .unconditional, help: "Optimiser steps per run, 1–100000.")
    var steps: Int = 250

    @Option(name: .customLong("d-model"), parsing: .unconditional, help: "Width of the tokens, 1–1024.")
    var dModel: Int = 64

    @Option(parsing: .unconditional, help: "Tokens per example (keys to choose from), 2–1024.")
    var n: Int = 16

    @Option(parsing: .unconditional, help: "Examples per step, 1–4096.")
    var batch: Int = 64

    @Option(parsing: .unconditional, help: "Standard deviation of the query's noise, 0–10.")
    var noise: Double = 0.3

    @Option(
        parsing: .unconditional, help: "Seed of the data and the initial weights. (default: 0)",
        transform: SeedArgument.parse)
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Runs trained at once, 1–64.")
    var threads: Int = 2

    @Flag(help: "The learning-rate transfer grid: final loss over d_k × learning rate, one table per policy.")
    var grid = false

    @Option(help: "Output format: markdown, csv or json (json holds each run's loss curve).")
    var format: TableOutputOptions.Format = .markdown

    func validate() throws {
        try validatingFlags { _ = try runs() }
    }

    func run() throws {
        let grid = TrainingGrid(runs: try runs())
        let progress = SharedProgress(label: "train", total: grid.runs.count)
        let records = grid.run(threads: threads) { _, _ in progress.advance() }
        progress.finish()
        let report = TrainingReport(records: records)
        let text: String =
            switch format {
            case .markdown: self.grid ? report.gridMarkdown : report.markdown
            case .csv: report.csv
            case .json: report.json
            }
        try ByteSink.standardOutput { $0.write(Data(text.utf8)) }
    }

    /// Every run these options describe, d_k outermost; each value is checked, naming its flag.
    func runs() throws -> [RunSettings] {
        let dks = try ListOption.items(of: dk ?? (grid ? "16,64,256,1024" : "256"), flag: "--dk").map {
            try ListOption.integer($0, flag: "--dk", in: Self.dkRange)
        }
        let scales = try ListOption.items(of: scale, flag: "--scale").map {
            try ScaleArgument.policy(of: $0, flag: "--scale")
        }
        let defaultRates = grid ? optimizer.gridLearningRates : [optimizer.defaultLearningRate]
        let rates =
            try lr.map { list in
                try ListOption.items(of: list, flag: "--lr").map { try Self.learningRate($0) }
            } ?? defaultRates
        try Self.check(steps, in: Self.stepRange, flag: "--steps")
        try Self.check(dModel, in: Self.dModelRange, flag: "--d-model")
        try Self.check(n, in: Self.tokenRange, flag: "--n")
        try Self.check(batch, in: Self.batchRange, flag: "--batch")
        try Self.check(threads, in: Self.threadRange, flag: "--threads")
        guard Self.noiseRange.contains(noise) else {
            throw FlagError(flag: "--noise", value: noise.shortestSpelling, allowed: "0–10")
        }
        // The generator counts rows in 32 bits: every token of every step needs its own row.
        guard steps * batch * n < 1 << 32 else {
            throw FlagError(
                flag: "--steps", value: "\(steps)", allowed: "at most 2³² tokens in all (steps × batch × n)")
        }
        let task = RetrievalTask(dModel: dModel, n: n, batch: batch, noise: noise, steps: steps, seed: seed)
        return TrainingGrid(task: task, dks: dks, scales: scales, learningRates: rates, optimizer: optimizer).runs
    }

    private static func learningRate(_ item: String) throws -> Double {
        guard let value = Double(item), value.isFinite else {
            throw ValidationError("--lr item '\(item)' is not a number")
        }
        guard learningRateRange.contains(value) else {
            throw FlagError(flag: "--lr", value: item, allowed: "1e-12–1e30")
        }
        return value
    }

    private static func check(_ value: Int, in range: ClosedRange<Int>, flag: String) throws {
        guard range.contains(value) else {
            throw FlagError(
                flag: flag, value: "\(value)", allowed: "\(range.lowerBound)–\(range.upperBound)")
        }
    }
}

extension Optimizer: ExpressibleByArgument {}

/// A ProgressLine several worker threads advance, one finished run at a time.
private final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var line: ProgressLine
    private var done = 0
    private let total: Int

    init(label: String, total: Int) {
        line = ProgressLine(label: label)
        self.total = total
    }

    func advance() {
        lock.withLock {
            done += 1
            line.update(Double(done) / Double(total))
        }
    }

    func finish() {
        lock.withLock { line.finish() }
    }
}
