/// A value a source names itself with: written as JSON, or spelled on a command line.
public enum SourceValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    /// JSON `null`: a field this source does not have.
    case null
}

/// What a source of Q and K says about itself wherever it is named: the JSON document, the
/// snapshot header, the command line that reproduces it, saved files' names, the status line and
/// which of the generator's knobs apply. Nothing else switches on the source to name it.
///
/// To add a source (a training run's heads, say): write one type conforming to this protocol,
/// give `InputSource` a case holding it and return it from `describing`, and hand the engine its
/// Q and K through the app's `InputsProvider` (the core only computes). Its tests are its own.
public protocol SourceDescribing: Sendable {
    /// The source's word in JSON (`"source"`): `generated`, `files`, `model`.
    var kind: String { get }
    /// Where Q and K come from, for the status line ("Q and K come from …").
    var origin: String { get }
    /// Q and K are generated here: the generator's knobs (tokens, seed, rho) and the iid theory
    /// apply only then.
    var isGenerated: Bool { get }
    /// The snapshot header's words after `source=`, the user's names passed through `escaped`
    /// (the header keeps control characters out of the terminal).
    func headerWords(_ escaped: (String) -> String) -> String
    /// The JSON params' fields after `"source"`, in order.
    var jsonFields: [(key: String, value: SourceValue)] { get }
    /// The row and column labels the JSON lists after the params (a model's tokens), or nil.
    var tokenLabels: [String]? { get }
    /// The parameters that reproduce a picture of this source with `params`, d_k included, in
    /// order; a command line spells each as `--name value`.
    func arguments(_ params: AttentionParams) -> [(name: String, value: SourceValue)]
    /// A short tag naming saved files (`L1H2`), or nil to name them by d_k.
    var fileTag: String? { get }
    /// What a picture's caption says of the source with `params`, before d_k and the divisor
    /// (`random Q, K (seed 0, σ 1) · n = m = 64`), the user's names passed through `escaped`.
    func caption(_ params: AttentionParams, _ escaped: (String) -> String) -> String
    /// What a caption says after the divisor (a model's text), or nil.
    func captionTail(_ escaped: (String) -> String) -> String?
    /// Q and K as error messages name them: the files' paths, or "Q" and "K".
    var inputNames: (q: String, k: String) { get }
    /// Why no verdict is drawn when Q or K hold NaN or ±infinity, naming where they came from.
    var nonFiniteInputs: String { get }
}

extension SourceDescribing {
    public var tokenLabels: [String]? { nil }
    public var fileTag: String? { nil }
    public func captionTail(_ escaped: (String) -> String) -> String? { nil }
    public var inputNames: (q: String, k: String) { ("Q", "K") }
    public var nonFiniteInputs: String { "Q and K are not finite (NaN or infinity)" }
}

/// A file or folder by its last component, for captions: the header's command keeps the path.
private func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// Seeded Gaussian Q and K, made by the engine.
struct GeneratedSource: SourceDescribing {
    init() {}
    var kind: String { "generated" }
    var origin: String { "the generator" }
    var isGenerated: Bool { true }
    func headerWords(_ escaped: (String) -> String) -> String { "generated" }
    var jsonFields: [(key: String, value: SourceValue)] { [("q_file", .null), ("k_file", .null)] }

    func arguments(_ params: AttentionParams) -> [(name: String, value: SourceValue)] {
        [("n", .integer(params.n))] + (params.m != params.n ? [("m", .integer(params.m))] : [])
            + [("dk", .integer(params.dk)), ("seed", .text("\(params.seed)"))]
            + (params.sigma != 1 ? [("sigma", .number(params.sigma))] : [])
            + (params.rho != 0 ? [("rho", .number(params.rho))] : [])
    }

    public func caption(_ params: AttentionParams, _ escaped: (String) -> String) -> String {
        let rho = params.rho == 0 ? "" : String(format: ", rho %g", params.rho)
        let tokens = params.n == params.m ? "n = m = \(params.n)" : "n \(params.n), m \(params.m)"
        return "random Q, K (seed \(params.seed), " + String(format: "σ %g", params.sigma) + rho + ") · " + tokens
    }
}

/// Q and K read from two `.npy` files.
struct FileSource: SourceDescribing {
    let q: String
    let k: String

    init(q: String, k: String) {
        self.q = q
        self.k = k
    }

    var kind: String { "files" }
    var origin: String { "files" }
    var isGenerated: Bool { false }
    func headerWords(_ escaped: (String) -> String) -> String { "files q=\(escaped(q)) k=\(escaped(k))" }
    var jsonFields: [(key: String, value: SourceValue)] { [("q_file", .text(q)), ("k_file", .text(k))] }
    var inputNames: (q: String, k: String) { (q, k) }
    var nonFiniteInputs: String { "\(q) or \(k) holds values that are not finite (NaN or infinity)" }

    func arguments(_ params: AttentionParams) -> [(name: String, value: SourceValue)] {
        [("q", .text(q)), ("k", .text(k)), ("dk", .integer(params.dk))]
    }

    public func caption(_ params: AttentionParams, _ escaped: (String) -> String) -> String {
        "Q \(escaped(lastComponent(q))), K \(escaped(lastComponent(k))) · n \(params.n), m \(params.m)"
    }
}

extension ModelHead: SourceDescribing {
    public var kind: String { "model" }
    public var origin: String { "the model" }
    public var isGenerated: Bool { false }
    public func headerWords(_ escaped: (String) -> String) -> String {
        "model \(escaped(model)) layer=\(layer)/\(layers) head=\(head)/\(heads)"
    }
    public var jsonFields: [(key: String, value: SourceValue)] {
        [
            ("model", .text(model)), ("text", .text(text)), ("layer", .integer(layer)), ("head", .integer(head)),
            ("layers", .integer(layers)), ("heads", .integer(heads)),
        ]
    }
    public var tokenLabels: [String]? { tokens }
    public var fileTag: String? { "L\(layer)H\(head)" }
    public var nonFiniteInputs: String {
        "layer \(layer) head \(head): Q and K are not finite (NaN or infinity)"
            + (shape.nonFiniteFrom.map { "; the model's values first overflow float32 in \($0)" } ?? "")
    }

    public func arguments(_ params: AttentionParams) -> [(name: String, value: SourceValue)] {
        [
            ("model", .text(model)), ("text", .text(text)), ("layer", .integer(layer)), ("head", .integer(head)),
            ("dk", .integer(params.dk)),
        ]
    }

    public func caption(_ params: AttentionParams, _ escaped: (String) -> String) -> String {
        "\(escaped(lastComponent(model))) · layer \(layer) of \(layers), head \(head) of \(heads)"
    }

    public func captionTail(_ escaped: (String) -> String) -> String? {
        "\"" + escaped(text.split(whereSeparator: \.isNewline).joined(separator: " ")) + "\""
    }
}

extension InputSource {
    /// The source's own description: the one place the source is switched on to name it.
    public var describing: any SourceDescribing {
        switch self {
        case .generated: GeneratedSource()
        case let .files(q, k): FileSource(q: q, k: k)
        case let .model(head): head
        }
    }
}
