import Foundation
import Testing

@testable import Transformer

/// For every Unicode scalar, the tokenizer's character classes and case/accent mappings must be those of
/// HuggingFace `tokenizers`, as recorded by `scripts/make_tokenizer_fixtures.py` in `unicode_classes.json`.
@Suite struct UnicodeClassTests {
    struct Classes: Decodable {
        let dropped: [[UInt32]]
        let whitespace: [[UInt32]]
        let punctuation: [[UInt32]]
        let lowercase: [String: String]
        let stripAccentsLowercase: [String: String]

        enum CodingKeys: String, CodingKey {
            case dropped, whitespace, punctuation, lowercase
            case stripAccentsLowercase = "strip_accents_lowercase"
        }
    }

    static let classes: Classes? = try? {
        let url = try #require(Bundle.module.resourceURL)
            .appendingPathComponent("Fixtures/tokenizer/unicode_classes.json")
        return try JSONDecoder().decode(Classes.self, from: Data(contentsOf: url))
    }()

    static var allScalars: [Unicode.Scalar] { (0...0x10FFFF).compactMap(Unicode.Scalar.init) }

    /// The scalars of `ranges` (pairs of first and last code point) as a set.
    static func members(_ ranges: [[UInt32]]) -> Set<UInt32> {
        Set(ranges.flatMap { $0[0]...$0[1] })
    }

    /// Code points where Swift and HuggingFace disagree, shown as hex for the failure message.
    static func differences(_ swift: (Unicode.Scalar) -> Bool, _ expected: Set<UInt32>) -> [String] {
        allScalars.filter { swift($0) != expected.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    @Test func droppedInCleaning() throws {
        let classes = try #require(Self.classes)
        let swift = { (s: Unicode.Scalar) in s.value == 0 || s.value == 0xFFFD || s.isBertControl }
        #expect(Self.differences(swift, Self.members(classes.dropped)) == [])
    }

    @Test func whitespace() throws {
        let classes = try #require(Self.classes)
        let swift = { (s: Unicode.Scalar) in s.isBertWhitespace && !s.isBertControl }
        #expect(Self.differences(swift, Self.members(classes.whitespace)) == [])
    }

    @Test func punctuation() throws {
        let classes = try #require(Self.classes)
        #expect(Self.differences(\.isBertPunctuation, Self.members(classes.punctuation)) == [])
    }

    /// The scalars a case or accent mapping could change: every one HuggingFace maps, and every assigned one
    /// outside the large blocks of ideographs and Hangul syllables (which have no case and, but for Hangul, no
    /// decomposition; Hangul is sampled, as in the fixture).
    static func mappable(_ expected: [String: String]) -> [Unicode.Scalar] {
        let skipped: [ClosedRange<UInt32>] = [
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2F7FF, 0x30000...0x3FFFF, 0x17000...0x18CFF,
        ]
        let listed = Set(expected.keys.compactMap { UInt32($0) })
        return allScalars.filter { scalar in
            let value = scalar.value
            if listed.contains(value) { return true }
            if (0xAC00...0xD7A3).contains(value) { return value % 37 == 0 }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: return false
            default: return !skipped.contains { $0.contains(value) }
            }
        }
    }

    static func mappingDifferences(
        _ expected: [String: String], _ map: ([Unicode.Scalar]) -> [Unicode.Scalar]
    ) -> [String] {
        mappable(expected).compactMap { scalar in
            let swift = map([scalar])
            let hf = expected[String(scalar.value)].map { Array($0.unicodeScalars) } ?? [scalar]
            guard swift != hf else { return nil }
            return "\(String(scalar.value, radix: 16)): \(swift) vs \(hf)"
        }
    }

    @Test func lowercase() throws {
        let classes = try #require(Self.classes)
        let normalizer = BertNormalizer(options: .init())
        #expect(Self.mappingDifferences(classes.lowercase) { normalizer.lowercased($0) } == [])
    }

    @Test func stripAccentsAndLowercase() throws {
        let classes = try #require(Self.classes)
        let normalizer = BertNormalizer(options: .init())
        let differences = Self.mappingDifferences(classes.stripAccentsLowercase) {
            normalizer.lowercased(normalizer.withoutAccents($0))
        }
        #expect(differences == [])
    }
}
