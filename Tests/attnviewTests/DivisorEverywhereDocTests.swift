import Foundation
import Testing

/// docs/the-argument-measured.md's section on halving and doubling every divisor quotes what
/// `attnview embed --model minilm … --alpha 0.5|1|2 --format json` prints (4 significant digits). Needs
/// the model (`make model`); CI has none and skips.
@Suite struct DivisorEverywhereDocTests {
    static let texts = [
        "The new movie is awesome", "The new movie is so great",
        "The animal didn't cross the street because it was too tired.", "A man is playing a guitar.",
    ]

    static func digits(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// The cells of every table row between the section's markers.
    static func quotedRows() throws -> [[String]] {
        let page = try Docs.text(ArgumentDocTests.page)
        let section = try #require(
            page.firstMatch(
                of: /<!-- divisor-everywhere: [^>]*-->(.*?)<!-- \/divisor-everywhere -->/.dotMatchesNewlines()))
        return section.output.1.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.contains("---") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    @Test(.enabled(if: ArgumentDocTests.modelInstalled, "needs the minilm model (make model)"))
    func tableIsWhatEmbedPrints() throws {
        var documents: [Double: [String: Any]] = [:]
        for alpha in [0.5, 1, 2] {
            let outcome = try CLIRunner.run(
                ["embed", "--model", "minilm", "--alpha", "\(alpha)", "--format", "json"]
                    + Self.texts.flatMap { ["--text", $0] })
            #expect(outcome.status == 0, "\(outcome.stderr)")
            documents[alpha] = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        }
        func value<T>(_ alpha: Double, _ key: String, as type: T.Type) throws -> T {
            try #require(documents[alpha]?[key] as? T)
        }
        var expected: [[String]] = []
        let tokens = try value(1, "tokens", as: [[String]].self)
        let halved = try value(0.5, "cosine_to_alpha_1", as: [Double].self)
        let doubled = try value(2, "cosine_to_alpha_1", as: [Double].self)
        for (index, text) in Self.texts.enumerated() {
            expected.append([text, "\(tokens[index].count)", Self.digits(halved[index]), Self.digits(doubled[index])])
        }
        for (alpha, label) in [(0.5, "½"), (1, "1"), (2, "2")] {
            let cosine = try value(alpha, "cosine", as: [[Double]].self)
            let entropy = try value(alpha, "layer_entropy_normalized", as: [[Double]].self)[2]
            expected.append(
                [
                    label, Self.digits(cosine[0][1]), Self.digits(cosine[0][2]),
                    entropy.map(Self.digits).joined(separator: " "),
                ])
        }
        let quoted = try Self.quotedRows().filter { !$0.contains("text") && !$0.contains("α") }
        #expect(quoted == expected)
    }
}
