import Foundation

/// HuggingFace's BERT normalizer on a text's Unicode scalars, in its order: clean (drop NUL, U+FFFD and control
/// characters; whitespace becomes a space), put spaces around CJK ideographs, strip accents (NFD, drop Mn),
/// lowercase (each scalar's full lowercase mapping, without context, as Rust's `char::to_lowercase`).
struct BertNormalizer: Sendable {
    let options: BertTokenizer.Options

    func normalize(_ text: Substring.UnicodeScalarView) -> [Unicode.Scalar] {
        var scalars = cleaned(text)
        if options.stripsAccents && scalars.contains(where: { !$0.isASCII }) {
            scalars = withoutAccents(scalars)
        }
        if options.lowercase { scalars = lowercased(scalars) }
        return scalars
    }

    private func cleaned(_ text: Substring.UnicodeScalarView) -> [Unicode.Scalar] {
        let space: Unicode.Scalar = " "
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.count)
        for scalar in text {
            if scalar.value == 0 || scalar.value == 0xFFFD || scalar.isBertControl { continue }
            if scalar.isBertWhitespace {
                scalars.append(space)
            } else if options.tokenizeChineseCharacters && scalar.isBertChineseCharacter {
                scalars.append(contentsOf: [space, scalar, space])
            } else {
                scalars.append(scalar)
            }
        }
        return scalars
    }

    private func withoutAccents(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !$0.isNonspacingMark }
    }

    private func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                lower.append((65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else {
                lower.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return lower
    }
}
