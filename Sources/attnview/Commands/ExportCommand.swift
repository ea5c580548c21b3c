import ArgumentParser
import AttentionCore
import Foundation
import TensorFiles

/// `attnview export`: every layer's and head's attention weights, Q and K of a model on one text, as
/// `.npy` arrays numpy loads in one line, with the tokens and the command that made them.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every head's attention weights, Q and K of a model on one text as .npy files.",
        discussion: """
            DIR gets weights.npy (layers × heads × n × n, at the divisor of --scale and --alpha), queries.npy \
            and keys.npy (layers × heads × n × d_head, before any divisor), tokens.json (the tokens and what \
            each file holds) and command.txt (this command). DIR must be new or empty; --force replaces the \
            files of an earlier export in it and nothing else. In numpy: w = np.load("DIR/weights.npy").
            """)

    @OptionGroup var source: ModelSourceOptions
    @OptionGroup var divisor: DivisorOptions

    @Option(help: ArgumentHelp("The directory to write (new, or empty).", valueName: "dir"))
    var output: String

    @Flag(help: "Replace the files of an earlier export in --output (only those: anything else is refused).")
    var force = false

    func validate() throws {
        try validatingFlags { _ = try source.params(divisor: divisor, readingText: false) }
    }

    func run() throws {
        let (base, engine, run) = try ModelOptions.prepare(try source.params(divisor: divisor))
        guard let run, case .model(let labels) = base.source else { return }
        let overwrite = try ExportDirectory.prepare(output, force: force)
        let layers = labels.layers, heads = labels.heads, n = labels.tokens.count, width = run.headWidth
        let qk = run.encoding.qk
        func path(_ name: String) -> String { URL(fileURLWithPath: output).appendingPathComponent(name).path }
        var divisor = 0.0
        var failure: (any Error)?
        try SafeFileWriter.write(to: path(ExportDirectory.weights), overwrite: overwrite) { sink in
            sink.write(Data(NPYWriter.header(shape: [layers, heads, n, n])))
            for layer in 0..<layers {
                for head in 0..<heads where failure == nil {
                    var params = base
                    params.source = .model(run.labels(layer: layer, head: head))
                    do {
                        let result = try engine.compute(params)
                        divisor = result.divisor
                        sink.write(Data(NPYWriter.data(result.weights.values)))
                    } catch {
                        failure = error
                    }
                }
            }
        }
        if let failure { throw failure }
        for (name, matrix) in [(ExportDirectory.queries, qk.queries), (ExportDirectory.keys, qk.keys)] {
            try SafeFileWriter.write(to: path(name), overwrite: overwrite) { sink in
                sink.write(Data(NPYWriter.header(shape: [layers, heads, n, width])))
                for layer in 0..<layers {
                    for head in 0..<heads { sink.write(Data(NPYWriter.data(matrix(layer, head).values))) }
                }
            }
        }
        let command = commandLine(labels.text)
        let document: [String: Any] = [
            "model": labels.model, "text": labels.text, "tokens": labels.tokens, "layers": layers, "heads": heads,
            "head_size": width, "scale": base.scale.name, "alpha": base.alpha, "divisor": divisor,
            "command": command,
            "files": [
                ExportDirectory.weights: "float32 [layers, heads, n, n]: softmax(Q Kᵀ / divisor), rows = queries",
                ExportDirectory.queries: "float32 [layers, heads, n, head_size]: Q, before the divisor",
                ExportDirectory.keys: "float32 [layers, heads, n, head_size]: K, before the divisor",
            ],
        ]
        let json = try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try SafeFileWriter.write(json + Data("\n".utf8), to: path(ExportDirectory.tokens), overwrite: overwrite)
        try SafeFileWriter.write(Data((command + "\n").utf8), to: path(ExportDirectory.command), overwrite: overwrite)
        print("wrote \(layers) layers × \(heads) heads × \(n) tokens to \(printable(output))")
    }

    /// The command that writes this export again, with the text spelled out (not @FILE or -).
    private func commandLine(_ text: String) -> String {
        var words = [
            "attnview", "export", "--model", source.model, "--text", TextArgument.escaped(text), "--scale",
            divisor.scale.text,
        ]
        if divisor.alpha != 1 { words += ["--alpha", divisor.alpha.shortestSpelling] }
        words += ["--output", output]
        return words.map { word in
            // `--flag=value` is not needed: shell quoting keeps a leading '-' a value for these options.
            SnapshotCommandLine.shellQuoted(word)
        }.joined(separator: " ")
    }
}

/// The directory `export` writes into, and the one rule that keeps it from destroying anything: a new
/// directory is created; an existing one must be empty, or, with `--force`, hold nothing but regular
/// files of an earlier export, which are replaced whole (each written beside and renamed into place).
enum ExportDirectory {
    static let weights = "weights.npy"
    static let queries = "queries.npy"
    static let keys = "keys.npy"
    static let tokens = "tokens.json"
    static let command = "command.txt"
    /// Every file an export writes.
    static let fileNames: Set<String> = [weights, queries, keys, tokens, command]

    /// Makes `path` ready; returns whether files of an earlier export are to be replaced.
    static func prepare(_ path: String, force: Bool) throws(ExportError) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
            guard mkdir(path, 0o777) == 0 else {
                throw .unusable(path: path, reason: "cannot create: " + String(cString: strerror(errno)).lowercased())
            }
            return false
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw .unusable(path: path, reason: "is a symbolic link; give the directory itself")
        default: throw .unusable(path: path, reason: "exists and is not a directory")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw .unusable(path: path, reason: "cannot list its files")
        }
        guard !entries.isEmpty else { return false }
        guard force else { throw .notEmpty(path: path, entry: entries[0], force: false) }
        for entry in entries {
            var entryStatus = stat()
            let full = URL(fileURLWithPath: path).appendingPathComponent(entry).path
            guard fileNames.contains(entry), lstat(full, &entryStatus) == 0, entryStatus.st_mode & S_IFMT == S_IFREG
            else { throw .notEmpty(path: path, entry: entry, force: true) }
        }
        return true
    }
}

/// An `--output` directory `export` will not write into, naming it.
enum ExportError: Error, Equatable, CustomStringConvertible {
    case unusable(path: String, reason: String)
    /// `entry` is in the way: any file without --force, one that is not an export's file with it.
    case notEmpty(path: String, entry: String, force: Bool)

    var description: String {
        switch self {
        case let .unusable(path, reason): "--output \(path): \(reason)"
        case let .notEmpty(path, entry, force):
            force
                ? "--output \(path) holds '\(printable(entry))', which is not a file attnview export writes: "
                    + "nothing was replaced"
                : "--output \(path) is not empty (it holds '\(printable(entry))'): give a new or empty directory, "
                    + "or --force to replace an earlier export"
        }
    }
}
