import ArgumentParser
import AttentionCore
import Foundation
import Transformer

/// `attnview embed`: sentence embeddings (mean pooling) of texts and their cosine similarities, and, with
/// `--alpha`, how far every divisor of the model times alpha moves each text's embedding.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Cosine similarities of texts' sentence embeddings; with --alpha, every divisor changed.",
        discussion: """
            The embedding is the mean of the last hidden states over every token, as all-MiniLM-L6-v2's \
            sentence-transformers config pools. --alpha X runs the whole encoder with every head of every \
            layer dividing by X·√d_head (the change propagates through the layers) and adds each text's \
            cosine to its own embedding at alpha 1.
            """)

    @Option(
        help: ArgumentHelp(
            "A BERT model: a folder or a name installed under ~/.local/share/attnview/models (`make model`).",
            valueName: "path|name"))
    var model: String

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "A text to embed (repeat for more); @FILE reads a file, - standard input.", valueName: "text|@file|-"))
    var text: [String] = []

    @Option(
        parsing: .unconditional,
        help: "Multiplier of every head's divisor in every layer (> 0; 1 is the model as trained).")
    var alpha: Double?

    @Option(help: "Output format: markdown, csv or json.")
    var format: TableOutputOptions.Format = .markdown

    /// The alphas `--alpha` accepts: the divisor limits of the rest of attnview.
    static let alphaRange = 1e-6...1e6

    func validate() throws {
        guard !text.isEmpty else { throw ValidationError("--text is required (give one or more texts to embed)") }
        if text.count(where: { $0 == "-" }) > 1 {
            throw ValidationError("--text - may be given once (one standard input)")
        }
        if let alpha, !Self.alphaRange.contains(alpha) {
            throw ValidationError("--alpha \(alpha.shortestSpelling) is out of range (allowed: 1e-06 to 1e+06, > 0)")
        }
    }

    func run() throws {
        let texts = try text.map { try TextArgument.resolve($0) }
        let bert = try BertModel(
            folder: try ModelFolder.resolve(model, environment: ProcessInfo.processInfo.environment))
        let result = try EmbeddingComparison(model: bert, texts: texts, alpha: alpha)
        let output: String
        switch format {
        case .markdown: output = result.markdown
        case .csv: output = result.csv
        case .json: output = result.json(model: model)
        }
        try ByteSink.standardOutput { $0.write(output) }
    }
}

/// The texts' embeddings at alpha (and at 1), their pairwise cosines and each one's cosine to alpha 1.
struct EmbeddingComparison {
    let texts: [String]
    let tokens: [[String]]
    let alpha: Double?
    let embeddings: [[Float]]
    /// cosine[i][j] between texts i and j at alpha.
    let cosine: [[Double]]
    /// Each text's cosine to its own embedding at alpha 1 (only with alpha).
    let toAlphaOne: [Double]?
    /// Per text, per layer: the mean over heads and rows of H / ln m at alpha.
    let layerEntropy: [[Double]]

    init(model: BertModel, texts: [String], alpha: Double?) throws {
        self.texts = texts
        self.alpha = alpha
        var tokens: [[String]] = [], embeddings: [[Float]] = [], toAlphaOne: [Double] = []
        var layerEntropy: [[Double]] = []
        let params = AttentionParams(dk: AttentionParams.allFileColumns, scale: .sqrtDk, alpha: alpha ?? 1)
        for text in texts {
            let encoding = try model.encode(text, alpha: alpha ?? 1)
            tokens.append(encoding.tokens)
            layerEntropy.append(
                HeadSummary.layerEntropyMeans(HeadSummary.summaries(of: encoding.qk.allHeads, params: params)))
            embeddings.append(encoding.qk.meanPooled)
            if let alpha, alpha != 1 {
                let trained = try model.encode(text).qk.meanPooled
                toAlphaOne.append(try Self.cosine(embeddings[embeddings.count - 1], trained, text))
            } else if alpha != nil {
                toAlphaOne.append(1)
            }
        }
        self.tokens = tokens
        self.layerEntropy = layerEntropy
        self.embeddings = embeddings
        self.toAlphaOne = alpha == nil ? nil : toAlphaOne
        cosine = try embeddings.indices.map { i in
            try embeddings.indices.map { j in try Self.cosine(embeddings[i], embeddings[j], texts[i]) }
        }
    }

    /// A cosine, or the error that a zero or non-finite embedding is (NaN is never a result).
    private static func cosine(_ a: [Float], _ b: [Float], _ text: String) throws -> Double {
        guard let value = cosineSimilarity(a, b) else {
            throw ValidationError("the embedding of '\(printable(String(text.prefix(40))))' is zero or not finite")
        }
        return value
    }

    private var alphaTitle: String { "cos to α=1" }

    /// One row per text: its number, the text, its token count, [cosine to alpha 1], then its cosines.
    var markdown: String {
        var titles = ["no.", "text", "tokens"]
        if toAlphaOne != nil { titles.append(alphaTitle) }
        titles += texts.indices.map { "\($0 + 1)" }
        let rows = texts.indices.map { i in
            ["\(i + 1)", printable(texts[i]).replacingOccurrences(of: "|", with: "\\|"), "\(tokens[i].count)"]
                + (toAlphaOne.map { [MarkdownTable.fourDigits($0[i])] } ?? [])
                + cosine[i].map(MarkdownTable.fourDigits)
        }
        let header = alpha.map { "every divisor × \($0.shortestSpelling)" } ?? "the model as trained"
        let layers = layerEntropy.first?.count ?? 0
        let entropyRows = texts.indices.map { i in ["\(i + 1)"] + layerEntropy[i].map(MarkdownTable.fourDigits) }
        return "cosine similarity of mean-pooled embeddings, \(header)\n\n"
            + MarkdownTable(titles: titles, rows: rows, leftAligned: [1]).text
            + "\nmean H / ln m of each layer (over heads and rows), \(header)\n\n"
            + MarkdownTable(titles: ["no."] + (0..<layers).map { "layer \($0)" }, rows: entropyRows, leftAligned: [])
            .text
    }

    /// RFC 4180: index, text, tokens, [cosine_to_alpha_1], cosine_1 … cosine_N.
    var csv: String {
        var header = ["index", "text", "tokens"]
        if toAlphaOne != nil { header.append("cosine_to_alpha_1") }
        header += texts.indices.map { "cosine_\($0 + 1)" }
        let lines = texts.indices.map { i in
            ["\(i + 1)", Self.csvField(texts[i]), "\(tokens[i].count)"]
                + (toAlphaOne.map { [$0[i].shortestSpelling] } ?? []) + cosine[i].map(\.shortestSpelling)
        }
        return ([header] + lines).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Everything, embeddings included, for numpy or jq.
    func json(model: String) -> String {
        var document: [String: Any] = [
            "model": model, "alpha": alpha ?? 1, "texts": texts, "tokens": tokens, "cosine": cosine,
            "embeddings": embeddings.map { $0.map(Double.init) }, "layer_entropy_normalized": layerEntropy,
        ]
        if let toAlphaOne { document["cosine_to_alpha_1"] = toAlphaOne }
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
