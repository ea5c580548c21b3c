import ArgumentParser
import AttentionCore
import Foundation

/// The options that describe the model; shared by the interactive view, `snapshot` and `bench`.
struct ModelOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Queries (rows of Q), 1–4096 (default: 64). Not allowed with --q/--k or --model (their rows count).")
    var n: Int?

    @Option(
        parsing: .unconditional, help: "Keys (rows of K), 1–4096; defaults to --n. Not allowed with --q/--k or --model."
    )
    var m: Int?

    @Option(
        parsing: .unconditional,
        help: "Key/query dimension d_k, 1–65536; default 64 (with --q/--k: the first d_k columns, default all).")
    var dk: Int?

    @Option(
        parsing: .unconditional,
        help: "Seed of the random Q and K (same seed, same numbers on every machine). (default: 0)",
        transform: SeedArgument.parse)
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Standard deviation of every random entry (> 0). (default: 1)")
    var sigma: Double?

    @Option(
        parsing: .unconditional, help: "Query–key alignment in [0, 1): k_i = rho·q_i + √(1−rho²)·z_i. (default: 0)")
    var rho: Double?

    @OptionGroup var divisor: DivisorOptions

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i + (m − n).")
    var causal = false

    @Option(help: ArgumentHelp("Q from a NumPy .npy file (n × d, float16/32/64); needs --k.", valueName: "file"))
    var q: String?

    @Option(help: ArgumentHelp("K from a NumPy .npy file (m × d, float16/32/64); needs --q.", valueName: "file"))
    var k: String?

    @Option(
        help: ArgumentHelp(
            "A BERT model: a folder (config.json, model.safetensors, vocab.txt) or a name installed under "
                + "~/.local/share/attnview/models (`make model` installs minilm). Q and K are one head's.",
            valueName: "path|name"))
    var model: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The text the model reads (with --model; default: a sentence about a tired animal); @FILE reads a "
                + "file, - standard input.", valueName: "text|@file|-"))
    var text: String?

    @Option(parsing: .unconditional, help: "The model's layer to show, 0-based (with --model).")
    var layer: Int?

    @Option(parsing: .unconditional, help: "The head of that layer to show, 0-based (with --model).")
    var head: Int?

    /// Checks every value against the core's ranges, naming the flag at fault (exit 64).
    func validate() throws {
        try validatingFlags { _ = try params(readingText: false) }
    }

    /// The parameters these options describe, checked against `Limits`. Throws `ValidationError`
    /// for a malformed value and `AttentionError` or `FlagError` for a value out of range.
    /// `readingText` false leaves `--text @FILE` and `-` unread (argument checks run before any input is read).
    func params(readingText: Bool = true) throws -> AttentionParams {
        let policy = try divisor.policy()
        var source: InputSource
        switch (q, k) {
        case let (q?, k?): source = .files(q: q, k: k)
        case (nil, nil): source = .generated
        case (_?, nil): throw ValidationError("--q needs --k (give both files or neither)")
        case (nil, _?): throw ValidationError("--k needs --q (give both files or neither)")
        }
        if let head = try modelHead(readingText: readingText) {
            if source != .generated { throw ValidationError("--model cannot be combined with --q/--k: choose one") }
            source = .model(head)
        }
        let isFiles = source != .generated
        // Fixed inputs bring their own rows and numbers: what only shapes random ones is refused, not ignored.
        for (flag, given) in [("--n", n != nil), ("--m", m != nil)] where isFiles && given {
            throw ValidationError("\(flag) cannot be combined with --q/--k or --model: the inputs' rows give n and m")
        }
        for (flag, given) in [("--seed", seed != nil), ("--sigma", sigma != nil), ("--rho", rho != nil)]
        where isFiles && given {
            throw ValidationError("\(flag) cannot be combined with --q/--k or --model: it shapes random Q and K only")
        }
        let params = AttentionParams(
            n: n ?? 64, m: m, dk: dk ?? (isFiles ? AttentionParams.allFileColumns : 64), seed: seed ?? 0,
            sigma: sigma ?? 1, rho: rho ?? 0, scale: policy, alpha: divisor.alpha, causal: causal, source: source)
        try params.validate()
        return params
    }

    /// The text the model reads when `--text` is not given: "it" refers back to "animal".
    static let defaultText = "The animal didn't cross the street because it was too tired."

    /// The labels `--model`, `--text`, `--layer` and `--head` ask for (tokens and the model's size
    /// are filled in by `ModelRun` once the model is loaded); nil without `--model`.
    func modelHead(readingText: Bool = true) throws -> ModelHead? {
        guard let model else {
            for (flag, given) in [("--text", text != nil), ("--layer", layer != nil), ("--head", head != nil)]
            where given {
                throw ValidationError("\(flag) needs --model (it chooses what a model reads or shows)")
            }
            return nil
        }
        for (flag, value) in [("--layer", layer), ("--head", head)] {
            if let value, value < 0 { throw ValidationError("\(flag) \(value) is out of range (0-based: 0 or more)") }
        }
        return ModelHead(
            model: model, text: try text.map { readingText ? try TextArgument.resolve($0) : $0 } ?? Self.defaultText,
            tokens: [], layer: layer ?? 0, head: head ?? 0, layers: 0,
            heads: 0)
    }

    /// The parameters, an engine ready for them and, with `--model`, the model's run (the view
    /// keeps it to summarise every head and to read a new text): `.npy` files are read when the
    /// engine asks; with `--model`, the model is loaded and run on the text once, and the engine is
    /// handed every head's Q and K from that run.
    func prepare() throws -> (params: AttentionParams, engine: AttentionEngine, run: ModelRun?) {
        try Self.prepare(try params())
    }

    /// `params` ready to compute: with a model source, the model loaded and run on its text once.
    static func prepare(_ params: AttentionParams) throws -> (
        params: AttentionParams, engine: AttentionEngine, run: ModelRun?
    ) {
        var params = params
        var run: ModelRun?
        if case .model(let labels) = params.source {
            let loaded = try ModelRun(labels: labels, environment: ProcessInfo.processInfo.environment)
            params.source = .model(loaded.labels)
            run = loaded
        }
        return (params, AttentionEngine(inputs: FixedInputs.provider(model: run)), run)
    }
}

/// How the picture is drawn; shared by the interactive view and `snapshot`.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colour theme: a name (see `attnview themes`) or a path to a .toml file.")
    var theme: String = "default"

    @Flag(help: "No colour (also when NO_COLOR is set or TERM=dumb).")
    var noColor = false

    @Flag(help: "ASCII only: no half blocks or box drawing.")
    var ascii = false
}
