import Foundation

/// A HuggingFace `tokenizer.json` holding a BERT WordPiece tokenizer: its vocabulary and its normalizer's options.
///
/// Read only when a folder has no `vocab.txt`. Everything that would make HuggingFace split text differently
/// from ``BertTokenizer`` (another model, normalizer, pre-tokenizer or post-processor, extra added tokens, a
/// non-default WordPiece setting) is refused with the key at fault instead of giving other tokens silently.
struct TokenizerJSON {
    /// The tokens, one per id from 0.
    let entries: [[UInt8]]
    /// The normalizer's options.
    let options: BertTokenizer.Options

    /// Reads `url` (at most `TokenizerLimits.vocabularyFileBytes`); nil when it does not exist.
    static func read(_ url: URL) throws(TokenizerError) -> TokenizerJSON? {
        guard let bytes = try TokenizerFile.read(url, limit: TokenizerLimits.vocabularyFileBytes) else { return nil }
        return try TokenizerJSON(bytes: bytes, path: url.path)
    }

    /// The tokenizer in `bytes`; `path` names the file in errors.
    init(bytes: [UInt8], path: String) throws(TokenizerError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw .invalidConfig(path: path, reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw .invalidConfig(path: path, reason: "not a JSON object") }
        let reader = Reader(path: path)
        let model = try reader.object(root, "model")
        try reader.expect(model, "model", "type", "WordPiece", what: "\"WordPiece\" (BERT's tokenizer) only")
        try reader.expect(model, "model", "unk_token", SpecialToken.unknown, optional: true)
        try reader.expect(model, "model", "continuing_subword_prefix", "##", optional: true)
        if let limit = model["max_input_chars_per_word"] {
            guard let number = limit as? Int, number == TokenizerLimits.wordScalars else {
                throw reader.unsupported("model.max_input_chars_per_word", limit, "\(TokenizerLimits.wordScalars)")
            }
        }
        entries = try reader.vocabulary(try reader.object(model, "model.vocab", key: "vocab"))
        options = try reader.normalizerOptions(root["normalizer"])
        let pre = try reader.object(root, "pre_tokenizer")
        try reader.expect(pre, "pre_tokenizer", "type", "BertPreTokenizer")
        try reader.checkPostProcessor(root["post_processor"], entries: entries)
        try reader.checkAddedTokens(root["added_tokens"], entries: entries)
    }

    /// Reads typed values out of the parsed JSON, naming the key at fault.
    private struct Reader {
        let path: String

        func unsupported(_ key: String, _ value: Any?, _ supported: String) -> TokenizerError {
            .unsupported(path: path, key: key, found: value == nil ? "null" : jsonSpelling(value), supported: supported)
        }

        func object(_ parent: [String: Any], _ name: String, key: String? = nil) throws(TokenizerError) -> [String: Any]
        {
            guard let value = parent[key ?? name] as? [String: Any] else {
                throw .wrongConfigType(path: path, key: name, expected: "a JSON object")
            }
            return value
        }

        /// `object[key]` must be the string `wanted` (or absent, when `optional`).
        func expect(
            _ object: [String: Any], _ prefix: String, _ key: String, _ wanted: String, optional: Bool = false,
            what: String? = nil
        ) throws(TokenizerError) {
            let value = object[key]
            if optional, value == nil { return }
            guard let text = value as? String, text == wanted else {
                throw unsupported("\(prefix).\(key)", value, what ?? "\"\(wanted)\"")
            }
        }

        /// `model.vocab`: token → id, every id from 0 to count − 1 exactly once.
        func vocabulary(_ vocab: [String: Any]) throws(TokenizerError) -> [[UInt8]] {
            guard vocab.count <= TokenizerLimits.vocabularyTokens else {
                throw .tooManyTokens(source: path, limit: TokenizerLimits.vocabularyTokens)
            }
            var entries = [[UInt8]?](repeating: nil, count: vocab.count)
            for (token, value) in vocab {
                guard let id = value as? Int, !isJSONBoolean(value), (0..<vocab.count).contains(id) else {
                    throw .wrongConfigType(
                        path: path, key: "model.vocab[\(jsonSpelling(token))]",
                        expected: "an id from 0 to \(vocab.count - 1)")
                }
                if let first = entries[id] {
                    throw .wrongConfigType(
                        path: path, key: "model.vocab[\(jsonSpelling(token))]",
                        expected:
                            "an id no other token has "
                            + "(\(id) is also \(jsonSpelling(String(decoding: first, as: UTF8.self))))"
                    )
                }
                entries[id] = Array(token.utf8)
            }
            // Ids are unique and below count, so every slot is filled.
            return entries.map { $0 ?? [] }
        }

        /// The `normalizer` object's options; only HuggingFace's `BertNormalizer` with `clean_text` is supported.
        func normalizerOptions(_ value: Any?) throws(TokenizerError) -> BertTokenizer.Options {
            guard let normalizer = value as? [String: Any], normalizer["type"] as? String == "BertNormalizer" else {
                let found = (value as? [String: Any])?["type"] ?? value
                throw unsupported("normalizer.type", found, "\"BertNormalizer\" only")
            }
            func flag(_ key: String, default fallback: Bool) throws(TokenizerError) -> Bool {
                guard let value = normalizer[key] else { return fallback }
                guard let flag = value as? Bool, isJSONBoolean(value) else {
                    throw .wrongConfigType(path: path, key: "normalizer.\(key)", expected: "true or false")
                }
                return flag
            }
            guard try flag("clean_text", default: true) else {
                throw unsupported("normalizer.clean_text", false, "true only")
            }
            var stripAccents: Bool?
            if let value = normalizer["strip_accents"], !(value is NSNull) {
                guard let flag = value as? Bool, isJSONBoolean(value) else {
                    throw .wrongConfigType(path: path, key: "normalizer.strip_accents", expected: "true, false or null")
                }
                stripAccents = flag
            }
            return BertTokenizer.Options(
                lowercase: try flag("lowercase", default: true), stripAccents: stripAccents,
                tokenizeChineseCharacters: try flag("handle_chinese_chars", default: true))
        }

        /// The post-processor must add `[CLS]` before and `[SEP]` after one sentence, at their vocabulary ids,
        /// as BertTokenizer does.
        func checkPostProcessor(_ value: Any?, entries: [[UInt8]]) throws(TokenizerError) {
            let supported = "BertProcessing or TemplateProcessing \"[CLS] $A [SEP]\" with the vocabulary's ids"
            guard let processor = value as? [String: Any], let type = processor["type"] as? String else {
                throw unsupported("post_processor", value, supported)
            }
            /// The id a special token is written with, as the processor says.
            var ids: [String: Int?] = [:]
            switch type {
            case "BertProcessing":
                for (key, name) in [("cls", SpecialToken.classification), ("sep", SpecialToken.separator)] {
                    let pair = processor[key] as? [Any]
                    guard pair?.first as? String == name else {
                        throw unsupported("post_processor.\(key)", pair?.first ?? processor[key], supported)
                    }
                    ids[name] = pair?.dropFirst().first as? Int
                }
            case "TemplateProcessing":
                let single = processor["single"] as? [Any] ?? []
                let pieces = single.map { piece -> String in
                    guard let piece = piece as? [String: Any] else { return "?" }
                    if let special = piece["SpecialToken"] as? [String: Any] { return special["id"] as? String ?? "?" }
                    if let sequence = piece["Sequence"] as? [String: Any] {
                        return "$" + (sequence["id"] as? String ?? "?")
                    }
                    return "?"
                }
                guard pieces == [SpecialToken.classification, "$A", SpecialToken.separator] else {
                    throw unsupported("post_processor.single", pieces.joined(separator: " "), supported)
                }
                let specials = processor["special_tokens"] as? [String: Any]
                for name in [SpecialToken.classification, SpecialToken.separator] {
                    let written = (specials?[name] as? [String: Any])?["ids"] as? [Any]
                    ids[name] = written?.count == 1 ? written?.first as? Int : nil
                }
            default:
                throw unsupported("post_processor.type", type, supported)
            }
            for (name, id) in ids {
                guard let id, entries.indices.contains(id), entries[id] == Array(name.utf8) else {
                    throw unsupported("post_processor (\(name)'s id)", id ?? nil, supported)
                }
            }
        }

        /// Added tokens are kept whole by HuggingFace; BertTokenizer keeps only its five special tokens whole.
        func checkAddedTokens(_ value: Any?, entries: [[UInt8]]) throws(TokenizerError) {
            guard let value, !(value is NSNull) else { return }
            guard let list = value as? [Any] else {
                throw .wrongConfigType(path: path, key: "added_tokens", expected: "a list")
            }
            let supported =
                "the special tokens " + SpecialToken.neverSplit.joined(separator: " ") + " at their vocab ids"
            for item in list {
                let token = item as? [String: Any]
                guard let content = token?["content"] as? String, let id = token?["id"] as? Int,
                    SpecialToken.neverSplit.contains(content), entries.indices.contains(id),
                    entries[id] == Array(content.utf8)
                else { throw unsupported("added_tokens", token?["content"] ?? item, supported) }
            }
        }
    }
}
