import Foundation
import Testing

@testable import Transformer

/// Bad tokenizer files are refused with an error naming the file and the line or key at fault.
@Suite struct TokenizerErrorTests {
    static let specials = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"

    /// A fresh model folder holding the given files (name → bytes).
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tokenizer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static func folder(vocabulary: String, config: String? = nil) throws -> URL {
        var files = ["vocab.txt": Array(vocabulary.utf8)]
        if let config { files["tokenizer_config.json"] = Array(config.utf8) }
        return try folder(files)
    }

    /// The error loading `folder` throws, after removing the folder.
    static func error(loading folder: URL) -> TokenizerError? {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try BertTokenizer(folder: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFolder() {
        let error = Self.error(loading: URL(fileURLWithPath: "/nonexistent/model"))
        #expect(error == .fileNotFound(path: "/nonexistent/model"))
        #expect(error?.description == "/nonexistent/model: no such file")
    }

    @Test func missingVocabulary() throws {
        let folder = try Self.folder([:])
        #expect(Self.error(loading: folder) == .fileNotFound(path: folder.appendingPathComponent("vocab.txt").path))
    }

    @Test func vocabularyThatIsADirectory() throws {
        let folder = try Self.folder([:])
        let vocabulary = folder.appendingPathComponent("vocab.txt")
        try FileManager.default.createDirectory(at: vocabulary, withIntermediateDirectories: false)
        #expect(Self.error(loading: folder) == .notRegularFile(path: vocabulary.path, kind: "a directory"))
    }

    @Test func vocabularyLargerThanTheLimitIsRefusedBeforeReading() throws {
        let folder = try Self.folder(vocabulary: "")
        let vocabulary = folder.appendingPathComponent("vocab.txt")
        let handle = try FileHandle(forWritingTo: vocabulary)
        try handle.truncate(atOffset: UInt64(TokenizerLimits.vocabularyFileBytes + 1))  // sparse: costs no disk
        try handle.close()
        let error = Self.error(loading: folder)
        #expect(error == .fileTooLarge(path: vocabulary.path, limit: TokenizerLimits.vocabularyFileBytes))
        #expect(error?.description == "\(vocabulary.path): larger than 33554432 bytes, not a tokenizer file")
    }

    @Test func emptyVocabulary() throws {
        let folder = try Self.folder(vocabulary: "")
        let path = folder.appendingPathComponent("vocab.txt").path
        #expect(Self.error(loading: folder) == .emptyVocabulary(source: path))
        #expect(throws: TokenizerError.emptyVocabulary(source: "vocabulary")) {
            try BertTokenizer(vocabulary: [], options: .init())
        }
    }

    @Test func tooManyTokens() throws {
        let lines = String(repeating: "x\n", count: TokenizerLimits.vocabularyTokens + 1)
        let folder = try Self.folder(vocabulary: lines)
        let path = folder.appendingPathComponent("vocab.txt").path
        #expect(Self.error(loading: folder) == .tooManyTokens(source: path, limit: TokenizerLimits.vocabularyTokens))
    }

    @Test func lineTooLong() throws {
        let long = String(repeating: "a", count: TokenizerLimits.lineBytes + 1)
        let folder = try Self.folder(vocabulary: Self.specials + "ok\n" + long + "\n")
        let path = folder.appendingPathComponent("vocab.txt").path
        let error = Self.error(loading: folder)
        #expect(error == .lineTooLong(source: path, line: 7, limit: TokenizerLimits.lineBytes))
        #expect(error?.description == "\(path) line 7: longer than 1024 bytes")
        #expect(throws: TokenizerError.lineTooLong(source: "vocabulary", line: 1, limit: 1024)) {
            try BertTokenizer(vocabulary: [long], options: .init())
        }
    }

    @Test func invalidUTF8() throws {
        let bytes = Array((Self.specials + "ok\n").utf8) + [0x61, 0xFF, 0x62, 0x0A]
        let folder = try Self.folder(["vocab.txt": bytes])
        let path = folder.appendingPathComponent("vocab.txt").path
        let error = Self.error(loading: folder)
        #expect(error == .invalidUTF8(source: path, line: 7))
        #expect(error?.description == "\(path) line 7: not valid UTF-8")
    }

    @Test func duplicateToken() throws {
        let folder = try Self.folder(vocabulary: Self.specials + "cat\ndog\ncat\n")
        let path = folder.appendingPathComponent("vocab.txt").path
        let error = Self.error(loading: folder)
        #expect(error == .duplicateToken(source: path, line: 8, token: "cat", firstLine: 6))
        #expect(error?.description == "\(path) line 8: duplicate token \"cat\" (first on line 6)")
    }

    @Test func canonicallyEquivalentTokensAreNotDuplicates() throws {
        // HuggingFace compares code points: "é" (U+00E9) and "e" + U+0301 are two tokens.
        let tokenizer = try BertTokenizer(
            vocabulary: ["[UNK]", "[CLS]", "[SEP]", "\u{E9}", "e\u{301}"], options: .init(lowercase: false))
        #expect(tokenizer.vocabularySize == 5)
        #expect(tokenizer.encode("\u{E9}").map(\.id) == [1, 3, 2])
    }

    @Test(arguments: ["[CLS]", "[SEP]", "[UNK]"])
    func missingSpecialToken(token: String) throws {
        let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a"].filter { $0 != token }
        let folder = try Self.folder(vocabulary: vocabulary.map { $0 + "\n" }.joined())
        let path = folder.appendingPathComponent("vocab.txt").path
        let error = Self.error(loading: folder)
        #expect(error == .missingSpecialToken(source: path, token: token))
        #expect(error?.description == "\(path): no \(token) token")
    }

    @Test(arguments: ["{\"do_lower_case\": tru", "", "\u{FEFF}{}x", "{\"a\": [1, 2}"])
    func configThatIsNotJSON(config: String) throws {
        let folder = try Self.folder(vocabulary: Self.specials, config: config)
        let path = folder.appendingPathComponent("tokenizer_config.json").path
        let error = Self.error(loading: folder)
        #expect(error == .invalidConfig(path: path, reason: "not valid JSON"))
        #expect(error?.description == "\(path): not valid JSON")
    }

    @Test(arguments: ["[true]", "\"do_lower_case\"", "3", "null"])
    func configThatIsNotAnObject(config: String) throws {
        let folder = try Self.folder(vocabulary: Self.specials, config: config)
        let path = folder.appendingPathComponent("tokenizer_config.json").path
        #expect(Self.error(loading: folder) == .invalidConfig(path: path, reason: "not a JSON object"))
    }

    @Test(arguments: [
        ("{\"do_lower_case\": \"yes\"}", "do_lower_case", "true or false"),
        ("{\"do_lower_case\": 1}", "do_lower_case", "true or false"),
        ("{\"strip_accents\": 0}", "strip_accents", "true, false or null"),
        ("{\"tokenize_chinese_chars\": [true]}", "tokenize_chinese_chars", "true or false"),
    ])
    func configKeyOfTheWrongType(config: String, key: String, expected: String) throws {
        let folder = try Self.folder(vocabulary: Self.specials, config: config)
        let path = folder.appendingPathComponent("tokenizer_config.json").path
        let error = Self.error(loading: folder)
        #expect(error == .wrongConfigType(path: path, key: key, expected: expected))
        #expect(error?.description == "\(path): \"\(key)\" must be \(expected)")
    }

    @Test func configLargerThanTheLimit() throws {
        let folder = try Self.folder(vocabulary: Self.specials, config: "{}")
        let config = folder.appendingPathComponent("tokenizer_config.json")
        let handle = try FileHandle(forWritingTo: config)
        try handle.truncate(atOffset: UInt64(TokenizerLimits.configFileBytes + 1))
        try handle.close()
        #expect(Self.error(loading: folder) == .fileTooLarge(path: config.path, limit: TokenizerLimits.configFileBytes))
    }
}
