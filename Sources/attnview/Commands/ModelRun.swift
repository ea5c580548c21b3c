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

    /// `model` (already loaded, named `labels.model`) run on `labels.text`.
    init(model: BertModel, labels: ModelHead) throws(ModelError) {
        self.model = model
        encoding = try model.encode(labels.text)
        let config = model.config
        guard labels.layer < config.layers else {
            throw .outOfRange(flag: "--layer", value: labels.layer, count: config.layers)
        }
        guard labels.head < config.heads else {
            throw .outOfRange(flag: "--head", value: labels.head, count: config.heads)
        }
        var complete = labels
        complete.tokens = encoding.tokens
        complete.layers = config.layers
        complete.heads = config.heads
        self.labels = complete
    }

    /// The same model on another text, showing `head` (the view's `/`): only the encoder runs.
    func reading(_ text: String, head: ModelHead) throws(ModelError) -> ModelRun {
        var other = labels
        other.text = text
        other.layer = head.layer
        other.head = head.head
        return try ModelRun(model: model, labels: other)
    }

    /// Every head's Q and K, `heads[layer][head]`: what the heads grid summarises.
    var allHeads: [[HeadInputs]] { encoding.qk.allHeads }

    /// d_head: the width of every head's Q and K.
    var headWidth: Int { encoding.qk.headSize }

    /// The labels of another head of the same run.
    func labels(layer: Int, head: Int) -> ModelHead {
        var other = labels
        other.layer = layer
        other.head = head
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
