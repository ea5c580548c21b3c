import Foundation
import Testing

@testable import Transformer

/// Every text of `scripts/make_tokenizer_fixtures.py`, tokenized by HuggingFace `tokenizers`, must come out
/// token for token and id for id the same.
@Suite struct TokenizerFixtureTests {
    struct Case: Decodable {
        let text: String
        let tokens: [String]
        let ids: [Int]
    }

    struct Expected: Decodable {
        let cases: [Case]
    }

    static func folder(_ name: String) throws -> URL {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/tokenizer/\(name)")
    }

    static func expected(_ name: String) throws -> [Case] {
        let data = try Data(contentsOf: folder(name).appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(Expected.self, from: data).cases
    }

    @Test(arguments: ["minilm", "cased", "cased_strip_no_chinese"])
    func matchesHuggingFace(set: String) throws {
        let tokenizer = try BertTokenizer(folder: Self.folder(set))
        let cases = try Self.expected(set)
        #expect(cases.count >= 40)
        for expected in cases {
            let tokens = tokenizer.encode(expected.text)
            let scalars = expected.text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            #expect(tokens.map(\.text) == expected.tokens, "\(set): \(scalars)")
            #expect(tokens.map(\.id) == expected.ids, "\(set): \(scalars)")
        }
    }

    @Test func readsMiniLMConfigAndVocabulary() throws {
        let tokenizer = try BertTokenizer(folder: Self.folder("minilm"))
        #expect(tokenizer.vocabularySize == 30522)
        #expect(tokenizer.options == BertTokenizer.Options(lowercase: true, stripAccents: nil))
        #expect(tokenizer.encode("").map(\.id) == [101, 102])
    }

    @Test func readsCasedConfig() throws {
        let tokenizer = try BertTokenizer(folder: Self.folder("cased_strip_no_chinese"))
        #expect(
            tokenizer.options
                == BertTokenizer.Options(lowercase: false, stripAccents: true, tokenizeChineseCharacters: false))
    }
}
