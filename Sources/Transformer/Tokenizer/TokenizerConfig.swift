import Foundation

/// The keys of `tokenizer_config.json` that change how BertTokenizer splits text; all other keys are ignored.
struct TokenizerConfig: Decodable {
    var doLowerCase: Bool?
    var stripAccents: Bool?
    var tokenizeChineseChars: Bool?

    enum CodingKeys: String, CodingKey {
        case doLowerCase = "do_lower_case"
        case stripAccents = "strip_accents"
        case tokenizeChineseChars = "tokenize_chinese_chars"
    }

    /// The options a config file asks for; HuggingFace's defaults when the file or a key is absent.
    static func read(_ url: URL) throws(TokenizerError) -> BertTokenizer.Options {
        guard let bytes = try TokenizerFile.read(url, limit: TokenizerLimits.configFileBytes) else {
            return BertTokenizer.Options()
        }
        return try options(bytes, path: url.path)
    }

    /// The options of a config file's bytes; `path` names it in errors.
    static func options(_ bytes: [UInt8], path: String) throws(TokenizerError) -> BertTokenizer.Options {
        let config = try decode(bytes, path: path)
        return BertTokenizer.Options(
            lowercase: config.doLowerCase ?? true,
            stripAccents: config.stripAccents,
            tokenizeChineseCharacters: config.tokenizeChineseChars ?? true
        )
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(TokenizerError) -> TokenizerConfig {
        do {
            return try JSONDecoder().decode(TokenizerConfig.self, from: Data(bytes))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            guard let key = context.codingPath.first?.stringValue else {
                throw .invalidConfig(path: path, reason: "not a JSON object")
            }
            throw .wrongConfigType(
                path: path, key: key, expected: key == "strip_accents" ? "true, false or null" : "true or false")
        } catch {
            throw .invalidConfig(path: path, reason: "not valid JSON")
        }
    }
}
