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
    }
}
