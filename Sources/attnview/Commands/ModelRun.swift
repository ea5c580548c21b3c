import AttentionCore
import TensorFiles
import Transformer

/// A model loaded and run once on the text of `--text`: every layer's Q and K, ready to hand to the
/// engine one head at a time. Switching layer or head slices these; the encoder does not run again.
struct ModelRun: Sendable {
    /// The labels of the head asked for, with the tokens and the model's size filled in.
    let labels: ModelHead
    /// The encoder's output for the text.
    let encoding: BertModel.Encoding
    /// The loaded model, kept so a new text runs without loading it again.
    let model: BertModel

    /// Loads `labels.model` (a folder or an installed name), runs it on `labels.text` and checks
    /// `labels.layer` and `labels.head` against the model.
    init(labels: ModelHead, environment: [String: String]) throws(ModelError) {
        let model = try BertModel(folder: try ModelFolder.resolve(labels.model, environment: environment))
        try self.init(model: model, labels: labels)
    }

    /// `model` (already loaded, named `labels.model`) run on `labels.text`, every head's divisor
    /// times `alpha` (1: as trained).
    init(model: BertModel, labels: ModelHead, alpha: Double = 1) throws(ModelError) {
        self.model = model
        encoding = try model.encode(labels.text, maxTokens: Limits.tokens.upperBound, alpha: alpha)
        var whole = labels
        whole.shape = ModelShape(
            layers: model.config.layers, heads: model.config.heads, headWidth: encoding.qk.headSize,
            tokens: encoding.tokens)
        whole.shape.nonFiniteFrom = encoding.qk.nonFiniteFrom
        guard let shown = whole.showing(labels.ref) else {
            let layerFits = (0..<whole.layers).contains(labels.layer)
            throw .outOfRange(
                layerFits ? .head : .layer, value: layerFits ? labels.head : labels.layer,
                count: layerFits ? whole.heads : whole.layers)
        }
        self.labels = shown
    }

    /// The same model on another text, showing `head` (the view's `/`): only the encoder runs.
    /// When a file of the model folder changed on disk since it was loaded, the folder is loaded again
    /// first; `note` says so, or that it no longer loads and the copy in memory is used.
    func reading(_ text: String, head: ModelHead) throws(ModelError) -> (run: ModelRun, note: String?) {
        var other = labels
        other.text = text
        other.ref = head.ref
        var model = model
        var note: String?
        let changed = model.changedFiles()
        if !changed.isEmpty {
            let names = changed.joined(separator: ", ")
            do {
                model = try BertModel(folder: model.folder)
                note = "\(names) changed on disk: the model was loaded again"
            } catch {
                note =
                    "\(names) changed on disk and no longer loads (\(error.viewDescription)); the loaded copy is used"
            }
        }
        return (try ModelRun(model: model, labels: other), note)
    }

    /// The same text run again with every head of every layer dividing by `alpha` × its trained
    /// divisor (`A`): the change reaches every later layer's Q and K.
    func running(alpha: Double) throws(ModelError) -> ModelRun {
        try ModelRun(model: model, labels: labels, alpha: alpha)
    }

    /// Every head's Q and K, `heads[layer][head]`: what the heads grid summarises.
    var allHeads: [[HeadInputs]] { encoding.qk.allHeads }

    /// d_head: the width of every head's Q and K.
    var headWidth: Int { labels.shape.headWidth }

    /// The labels of another head of the same run (one the model has).
    func labels(layer: Int, head: Int) -> ModelHead {
        guard let other = labels.showing(HeadRef(layer: layer, head: head)) else {
            preconditionFailure("layer \(layer) head \(head) is outside the model's \(labels.layers) × \(labels.heads)")
        }
        return other
    }

    /// The Q and K of any head of this run; nil for labels of another run or outside the model.
    func matrices(for head: ModelHead) -> (queries: Matrix, keys: Matrix)? {
        let qk = encoding.qk
        guard head.text == labels.text, head.model == labels.model, (0..<qk.layers).contains(head.layer),
            (0..<qk.heads).contains(head.head)
        else { return nil }
        return (qk.queries(layer: head.layer, head: head.head), qk.keys(layer: head.layer, head: head.head))
    }
}

extension EncoderQK {
    /// Every head's Q and K, `allHeads[layer][head]`, as the core's summaries take them.
    var allHeads: [[HeadInputs]] {
        (0..<layers).map { layer in
            (0..<heads).map { HeadInputs(queries: queries(layer: layer, head: $0), keys: keys(layer: layer, head: $0)) }
        }
    }
}
