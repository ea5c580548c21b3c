import Foundation
import TestSupport
import Testing

@testable import Transformer

/// Seeded random inputs (the same every run) never crash the tokenizer, and every token it gives is the
/// vocabulary's, between `[CLS]` and `[SEP]`. `make fuzz` searches far wider with libFuzzer.
@Suite struct TokenizerFuzzTests {
    /// Scalars from the classes the tokenizer treats differently, so random text hits every branch.
    static let pools: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x00...0x1F, 0x7F...0xFF, 0x300...0x36F, 0x370...0x3FF, 0x4E00...0x4E40, 0xAC00...0xAC40,
        0x2000...0x206F, 0x3000...0x303F, 0xFFF0...0xFFFF, 0x1F600...0x1F64F, 0x2B810...0x2B930, 0xE000...0xE010,
    ]

    static func randomText(_ generator: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...120, using: &generator) {
            if Int.random(in: 0..<40, using: &generator) == 0 {
                scalars.append(
                    contentsOf: ["[MASK]", "[CLS]", "[SEP", " [UNK]"].randomElement(using: &generator)!.unicodeScalars)
                continue
            }
            let pool = pools.randomElement(using: &generator)!
            if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &generator)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    static func expectFromVocabulary(_ tokens: [Token], _ tokenizer: BertTokenizer, _ text: String) {
        #expect(tokens.first?.text == "[CLS]" && tokens.last?.text == "[SEP]", "\(text.debugDescription)")
        for token in tokens {
            #expect(tokenizer.token(id: token.id) == token, "\(text.debugDescription)")
        }
    }

    @Test func randomTextsGiveVocabularyTokens() throws {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/tokenizer/minilm")
        let tokenizer = try BertTokenizer(folder: folder)
        var generator = SplitMix64(state: 8)
        for _ in 0..<3000 {
            let text = Self.randomText(&generator)
            Self.expectFromVocabulary(tokenizer.encode(text), tokenizer, text)
        }
        for _ in 0..<1000 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            Self.expectFromVocabulary(tokenizer.encode(text), tokenizer, text)
        }
    }

    @Test func wordsOfTheVocabularyComeBackWhole() throws {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/tokenizer/minilm")
        let tokenizer = try BertTokenizer(folder: folder)
        let words = (1000..<30522).compactMap { tokenizer.token(id: $0) }.filter {
            $0.text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        }
        var generator = SplitMix64(state: 21)
        for _ in 0..<500 {
            let chosen = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }
            let text = chosen.map { Bool.random(using: &generator) ? $0.text.uppercased() : $0.text }.joined(
                separator: " ")
            #expect(tokenizer.encode(text).dropFirst().dropLast() == ArraySlice(chosen), "\(text)")
        }
    }

    /// A vocab.txt from the special tokens, tricky pieces and random bytes, now and then broken on purpose.
    static func randomVocabularyFile(_ generator: inout SplitMix64) -> [UInt8] {
        let specials = ["[CLS]", "[SEP]", "[UNK]", "[MASK]", "[PAD]"]
        let pieces = ["a", "##a", "##", "b", "##b", "é", "e\u{301}", "##\u{301}", "日", "", " ", "ab", "[", "mask"]
        var lines = specials.filter { _ in Int.random(in: 0..<30, using: &generator) > 0 }
        lines += pieces.filter { _ in Bool.random(using: &generator) }
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            let bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                UInt8.random(in: 0x21...0xFF, using: &generator)
            }
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        lines.shuffle(using: &generator)
        var bytes = Array(lines.joined(separator: Bool.random(using: &generator) ? "\n" : "\r\n").utf8)
        if Int.random(in: 0..<5, using: &generator) == 0, !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        }
        return bytes
    }

    @Test func randomVocabularyFilesAreRefusedOrGiveTheirOwnTokens() {
        var generator = SplitMix64(state: 5)
        var accepted = 0
        for _ in 0..<2000 {
            let bytes = Self.randomVocabularyFile(&generator)
            let vocabulary: Vocabulary
            do {
                vocabulary = try Vocabulary(fileBytes: bytes, source: "vocab.txt")
            } catch {
                #expect(error.description.hasPrefix("vocab.txt"))
                continue
            }
            accepted += 1
            let options = BertTokenizer.Options(lowercase: Bool.random(using: &generator))
            let tokenizer = BertTokenizer(vocabulary: vocabulary, options: options)
            for _ in 0..<3 {
                let text = Self.randomText(&generator)
                Self.expectFromVocabulary(tokenizer.encode(text), tokenizer, text)
            }
        }
        #expect(accepted > 500, "too few random vocabularies were valid to exercise encoding")
        #expect(accepted < 1900, "too few random vocabularies were broken to exercise the checks")
    }
}
