import Foundation
import Testing

@testable import Transformer

@Suite struct BertTokenizerTests {
    let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "play", "##ing", "##s", ",", "!"]

    @Test func encodesWordPiecesBetweenClassAndSeparator() throws {
        let tokenizer = try BertTokenizer(vocabulary: vocabulary, options: .init())
        let tokens = tokenizer.encode("The cats, PLAYING!")
        #expect(tokens.map(\.text) == ["[CLS]", "the", "cat", "##s", ",", "play", "##ing", "!", "[SEP]"])
        #expect(tokens.map(\.id) == [2, 5, 6, 9, 10, 7, 8, 11, 3])
        #expect(tokenizer.vocabularySize == 12)
        #expect(tokenizer.token(id: 8) == Token(text: "##ing", id: 8))
        #expect(tokenizer.token(id: 12) == nil && tokenizer.token(id: -1) == nil)
    }

    @Test func aWordThatCannotBeCoveredIsOneUnknown() throws {
        let tokenizer = try BertTokenizer(vocabulary: vocabulary, options: .init())
        // "cat" + "##s" would start "catsx", but "##x" is missing: the whole word is [UNK], nothing of it stays.
        #expect(tokenizer.encode("catsx cat").map(\.text) == ["[CLS]", "[UNK]", "cat", "[SEP]"])
    }

    @Test func wordsLongerThanOneHundredScalarsAreUnknown() throws {
        let tokenizer = try BertTokenizer(vocabulary: vocabulary + ["a", "##a"], options: .init())
        #expect(tokenizer.encode(String(repeating: "a", count: 100)).count == 102)
        #expect(tokenizer.encode(String(repeating: "a", count: 101)).map(\.text) == ["[CLS]", "[UNK]", "[SEP]"])
    }

    @Test func stripAccentsFollowsLowercaseUnlessSet() throws {
        let words = ["[UNK]", "[CLS]", "[SEP]", "cafe", "café", "CAFE", "CAFÉ"]
        let uncased = try BertTokenizer(vocabulary: words, options: .init(lowercase: true))
        let cased = try BertTokenizer(vocabulary: words, options: .init(lowercase: false))
        let casedStripped = try BertTokenizer(vocabulary: words, options: .init(lowercase: false, stripAccents: true))
        let lowerKeepingAccents = try BertTokenizer(vocabulary: words, options: .init(stripAccents: false))
        #expect(uncased.encode("CAFÉ").map(\.text) == ["[CLS]", "cafe", "[SEP]"])
        #expect(cased.encode("CAFÉ").map(\.text) == ["[CLS]", "CAFÉ", "[SEP]"])
        #expect(casedStripped.encode("CAFÉ").map(\.text) == ["[CLS]", "CAFE", "[SEP]"])
        #expect(lowerKeepingAccents.encode("CAFÉ").map(\.text) == ["[CLS]", "café", "[SEP]"])
    }

    @Test func specialTokensAreKeptWholeOnlyWhenSpelledExactlyAndInTheVocabulary() throws {
        let withMask = try BertTokenizer(vocabulary: vocabulary + ["[", "]", "mask"], options: .init())
        #expect(
            withMask.encode("the[MASK] [mask]").map(\.text)
                == ["[CLS]", "the", "[MASK]", "[", "mask", "]", "[SEP]"])
        let withoutMask = try BertTokenizer(
            vocabulary: vocabulary.filter { $0 != "[MASK]" } + ["[", "]", "mask"], options: .init())
        #expect(withoutMask.encode("[MASK]").map(\.text) == ["[CLS]", "[", "mask", "]", "[SEP]"])
    }

    @Test func chineseCharactersAreWordsOnlyWhenAsked() throws {
        let words = ["[UNK]", "[CLS]", "[SEP]", "日", "本", "日本", "##本"]
        let split = try BertTokenizer(vocabulary: words, options: .init())
        let whole = try BertTokenizer(vocabulary: words, options: .init(tokenizeChineseCharacters: false))
        #expect(split.encode("日本").map(\.text) == ["[CLS]", "日", "本", "[SEP]"])
        #expect(whole.encode("日本").map(\.text) == ["[CLS]", "日本", "[SEP]"])
    }

    @Test func vocabularyFilesWithCRLFOrNoFinalNewlineReadTheSame() throws {
        let lines = ["[UNK]", "[CLS]", "[SEP]", "cat"]
        for text in [
            lines.joined(separator: "\n") + "\n", lines.joined(separator: "\r\n"), lines.joined(separator: "\n"),
        ] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(text.utf8).write(to: folder.appendingPathComponent("vocab.txt"))
            let tokenizer = try BertTokenizer(folder: folder)
            #expect(tokenizer.vocabularySize == 4)
            #expect(tokenizer.encode("Cat").map(\.id) == [1, 3, 2])
            #expect(tokenizer.options == BertTokenizer.Options())
        }
    }
}
