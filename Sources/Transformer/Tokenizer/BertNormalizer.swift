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

    func cleaned(_ text: Substring.UnicodeScalarView) -> [Unicode.Scalar] {
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

    func withoutAccents(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // NFD runs on the stretches between scalars HuggingFace does not decompose (each a starter, so cutting
        // there changes no reordering).
        var stripped: [Unicode.Scalar] = []
        stripped.reserveCapacity(scalars.count)
        var start = scalars.startIndex
        while start <= scalars.endIndex {
            let end = scalars[start...].firstIndex(where: \.isDecomposedOnlyInNewerUnicode) ?? scalars.endIndex
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<end])
            let decomposed = String(text).decomposedStringWithCanonicalMapping.unicodeScalars
            stripped.append(contentsOf: decomposed.lazy.filter { !$0.isNonspacingMark })
            if end < scalars.endIndex { stripped.append(scalars[end]) }
            start = end + 1
        }
        return stripped
    }

    func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
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
