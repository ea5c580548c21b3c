import Foundation
import Testing

@testable import Transformer

/// docs/the-argument-measured.md quotes tables as its commands print them: each table between
/// `<!-- argument-table: attnview … -->` and `<!-- /argument-table -->` must be exactly that
/// command's output (regenerate with scripts/make_argument_tables.sh).
@Suite struct ArgumentDocTests {
    static let page = "docs/the-argument-measured.md"

    struct Table: CustomTestStringConvertible, Sendable {
        let command: String
        let quoted: String
        var testDescription: String { command }
    }

    static func tables() throws -> [Table] {
        let text = try Docs.text(page)
        let pattern = /<!-- argument-table: attnview ([^>]*?) -->\n\n(.*?)\n\n<!-- \/argument-table -->/
        return text.matches(of: pattern.dotMatchesNewlines()).map {
            Table(command: String($0.output.1), quoted: String($0.output.2))
        }
    }

    @Test func pageHasTablesForTheClaimsAndValidLinks() throws {
        let text = try Docs.text(Self.page)
        #expect(try Self.tables().count == 10)
        for claim in 1...6 { #expect(text.contains("## (\(claim))"), "claim (\(claim)) has a section") }
        let folder = Docs.root.appendingPathComponent(Self.page).deletingLastPathComponent()
        for target in Docs.relativeLinks(in: text) {
            let path = folder.appendingPathComponent(target).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "links \(target), which does not exist")
        }
    }

    /// Whether the trained model the `heads` table reads is installed (`make model`; CI has none).
    /// Resolved as the binary resolves `--model minilm` (XDG_DATA_HOME, then ~/.local/share).
    static let modelInstalled =
        (try? ModelFolder.resolve(ModelFolder.referenceName, environment: ProcessInfo.processInfo.environment)) != nil

    @Test(arguments: try tables().filter { !$0.command.contains("--model") })
    func tableIsWhatItsCommandPrints(_ table: Table) throws {
        try check(table)
    }

    @Test(
        .enabled(if: modelInstalled, "needs the minilm model (make model)"),
        arguments: try tables().filter { $0.command.contains("--model") })
    func modelTableIsWhatItsCommandPrints(_ table: Table) throws {
        try check(table)
    }

    /// Training runs on the kernels every x86-64 CPU has: OpenBLAS' faster ones round differently
    /// from CPU to CPU, which the chaotic unscaled runs show in their digits.
    static let trainingEnvironment = ["OPENBLAS_CORETYPE": "Prescott"]

    /// The printed table must be the quoted one, a number allowed to differ by one unit in its last
    /// printed digit: BLAS kernels differ per CPU in the last float bits, which can flip a rounding.
    private func check(_ table: Table) throws {
        let words = table.command.split(separator: " ").map(String.init)
        let outcome = try CLIRunner.run(words, environment: words.first == "train" ? Self.trainingEnvironment : [:])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let printed = outcome.stdoutText.trimmingCharacters(in: .newlines)
        let cells = { (text: String) in
            text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false) }
        }
        let (got, want) = (cells(printed), cells(table.quoted))
        #expect(got.map(\.count) == want.map(\.count), "\(printed)")
        for (gotRow, wantRow) in zip(got, want) {
            for (gotCell, wantCell) in zip(gotRow, wantRow) where gotCell != wantCell {
                let (a, b) = (
                    gotCell.trimmingCharacters(in: .whitespaces), wantCell.trimmingCharacters(in: .whitespaces)
                )
                guard let x = Double(a), let y = Double(b) else {
                    Issue.record("'\(a)' printed where the page says '\(b)'")
                    continue
                }
                #expect(abs(x - y) <= Self.lastDigitUnit(b) * 1.001, "\(a) printed where the page says \(b)")
            }
        }
    }

    /// One unit in the last digit of a number as spelled: 0.01 for `0.04`, 1e-5 for `1.2e-4`, 1 for `12`.
    static func lastDigitUnit(_ spelling: String) -> Double {
        let parts = spelling.lowercased().split(separator: "e")
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let decimals = parts[0].split(separator: ".").dropFirst().first?.count ?? 0
        return pow(10, Double(exponent - decimals))
    }
}
