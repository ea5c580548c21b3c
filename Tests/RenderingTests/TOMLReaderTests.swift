import Foundation
import Testing

@testable import Rendering

/// A document as JSON holds it, numbers as "<number>": how scripts/make_toml_fixtures.py writes tomllib's reading.
private indirect enum Canonical: Equatable, Decodable {
    case string(String), boolean(Bool), list([Canonical]), table([String: Canonical])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([Canonical].self) {
            self = .list(value)
        } else {
            self = .table(try container.decode([String: Canonical].self))
        }
    }

    init(_ value: TOMLValue) {
        switch value {
        case let .string(text): self = .string(text)
        case .number: self = .string("<number>")
        case let .boolean(flag): self = .boolean(flag)
        case let .array(values): self = .list(values.map(Canonical.init))
        case let .table(table): self = Canonical(table)
        }
    }

    init(_ table: TOMLTable) {
        self = .table(Dictionary(uniqueKeysWithValues: table.entries.map { ($0.key, Canonical($0.value)) }))
    }
}

private struct FixtureCase: Decodable, CustomTestStringConvertible {
    let name: String
    let text: String
    /// "subset": read as tomllib reads it; "outside": valid TOML the reader refuses; "invalid": not TOML.
    let kind: String
    let expected: Canonical?
    var testDescription: String { name }
}

private let fixtureCases: [FixtureCase] = {
    struct File: Decodable { let cases: [FixtureCase] }
    guard let url = Bundle.module.url(forResource: "Fixtures/toml/cases", withExtension: "json"),
        let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data)
    else { return [] }
    return file.cases
}()

@Test func fixtureHasEveryKindOfCase() {
    #expect(fixtureCases.count > 60)
    #expect(Set(fixtureCases.map(\.kind)) == ["subset", "outside", "invalid"])
}

/// Checked against Python's tomllib (scripts/make_toml_fixtures.py): the subset reads as TOML reads it,
/// and nothing is read that TOML refuses or that lies outside the subset.
@Test(arguments: fixtureCases)
private func readerAgreesWithTomllib(_ fixture: FixtureCase) {
    let outcome = Result { () throws(TOMLSyntaxError) -> TOMLTable in try TOMLReader.parse(fixture.text) }
    switch (fixture.kind, outcome) {
    case let ("subset", .success(table)): #expect(Canonical(table) == fixture.expected)
    case let ("subset", .failure(error)): Issue.record("refused valid TOML in the subset: \(error)")
    case let (_, .success(table)): Issue.record("read \(fixture.kind) TOML as \(table)")
    case let (_, .failure(error)):
        let lines = fixture.text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect((1...max(lines, 1)).contains(error.line) && !error.reason.isEmpty)
    }
}

/// TOMLKit's C++ parser aborted the process (exit 134) on these; each is now an error on its line.
@Test(arguments: [
    ("x = [\u{85}]", 1, "expected a value, found U+0085"),
    ("1979-05-27T{", 1, "expected '=' after the key '1979-05-27T', found '{'"),
    (
        "x = 1979-05-27T{", 1,
        "'1979-05-27T' is not a value themes use (a \"string\", a [list], a number, true or false)"
    ),
    ("[", 1, "expected a key, found the end of the file"),
    ("[=", 1, "expected a key, found '='"),
    ("[[=", 1, "arrays of tables ([[…]]) are not supported in themes"),
    ("[a]\n[[", 2, "arrays of tables ([[…]]) are not supported in themes"),
    ("summary = \"x\"\n  [\t", 2, "expected a key, found the end of the file"),
    ("a = [}]", 1, "expected a value, found '}'"),
    ("x = 1\na = [\"#000000\", # c\n}]", 3, "expected a value, found '}'"),
    ("a = ]", 1, "expected a value, found ']'"),
])
func inputsThatAbortedTOMLKitAreErrorsOnTheirLine(text: String, line: Int, reason: String) {
    #expect(throws: ThemeError.invalid(file: "t.toml", line: line, key: nil, reason: "bad TOML: " + reason)) {
        try ThemeParser(file: "t.toml", text: text).parse(name: "t")
    }
}

@Test func readerBoundsNestingAndSize() {
    #expect(throws: TOMLSyntaxError(line: 1, reason: "lists nested deeper than 8 levels")) {
        try TOMLReader.parse("a = " + String(repeating: "[", count: 9))
    }
    #expect(throws: TOMLSyntaxError(line: 1, reason: "lists nested deeper than 8 levels")) {
        try TOMLReader.parse("a = " + String(repeating: "[", count: 100_000))
    }
    #expect(
        throws: ThemeError.invalid(file: "big.toml", line: nil, key: nil, reason: "larger than 64 KiB; no theme is")
    ) {
        try ThemeParser(file: "big.toml", text: String(repeating: "#", count: 70_000)).parse(name: "big")
    }
}

@Test func byteOrderMarkIsIgnoredAndLinesCountFromOne() throws {
    let table = try TOMLReader.parse("\u{FEFF}summary = \"x\"\n\n[colors]\r\ntext = \"#000000\"\n")
    #expect(table.entries.map(\.key) == ["summary", "colors"])
    #expect(table.entries.map(\.line) == [1, 3])
    guard case let .table(colors) = table.entries[1].value else { return #expect(Bool(false)) }
    #expect(colors.entries == [.init(key: "text", line: 4, value: .string("#000000"))])
}

@Test func errorsNameControlCharactersWithoutWritingThem() {
    #expect(throws: TOMLSyntaxError(line: 1, reason: "control character U+001B in a string")) {
        try TOMLReader.parse("summary = \"\u{1B}[2J\"")
    }
    #expect(TOMLValue.string("a\u{7}b\"").spelling == #""a\u0007b\"""#)
}
