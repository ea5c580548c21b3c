import AttentionCore
import Foundation
import TestSupport
import Testing

@testable import Rendering

private let bundledNames = ["cividis", "default", "grayscale", "high-contrast", "light", "magma", "viridis"]

private func parse(_ text: String) throws(ThemeError) -> Theme {
    try ThemeParser(file: "bad.toml", text: text).parse(name: "bad")
}

@Test func catalogListsEveryBundledTheme() {
    let names = ThemeCatalog(environment: ["XDG_CONFIG_HOME": "/nonexistent"]).availableNames()
    #expect(names == bundledNames)
}

@Test(arguments: bundledNames)
func bundledThemeParsesAndRendersAtEveryDepth(name: String) throws {
    let theme = try ThemeCatalog(environment: [:]).load(name)
    #expect(theme.name == name)
    let result = try SampleResults.make(n: 16)
    for depth in ColorDepth.allCases {
        let frame = ScreenRenderer(theme: theme, depth: depth).render(
            result: result, curve: try SampleResults.curve(), view: ViewState(), keys: .sample(), width: 120,
            height: 40)
        #expect(frame.plainText().contains("statistics"))
    }
}

@Test func bundledDefaultMatchesTheBuiltInFallback() throws {
    #expect(try ThemeCatalog(environment: [:]).load("default") == Theme.fallback)
}

@Test func missingKeysFallBackToTheDefault() throws {
    let theme = try parse("[colors]\ntext = \"#010203\"\n")
    #expect(theme.colors.text == RGB(1, 2, 3))
    #expect(theme.colors.border == Theme.fallback.colors.border)
    #expect(theme.weights == Theme.fallback.weights)
}

@Test func backgroundAcceptsNone() throws {
    #expect(try parse("[colors]\nbackground = \"#fafafa\"\n").colors.background == RGB(0xfa, 0xfa, 0xfa))
    #expect(try parse("[colors]\nbackground = \"none\"\n").colors.background == nil)
}

@Test func badTOMLNamesTheFileAndLine() {
    #expect {
        try parse("summary = \"x\"\n[colors\ntext = \"#000000\"\n")
    } throws: { error in
        guard case let .invalid(file, line, _, reason) = error as? ThemeError else { return false }
        return file == "bad.toml" && line == 2 && reason.hasPrefix("bad TOML")
    }
}

@Test func unknownTopLevelKeyIsNamedWithItsLine() {
    #expect(
        throws: ThemeError.invalid(
            file: "bad.toml", line: 2, key: "colours", reason: "unknown key (allowed: summary, [ramps], [colors])")
    ) {
        try parse("summary = \"x\"\ncolours = 1\n")
    }
}

@Test func unknownColourKeyIsNamedWithItsLine() {
    #expect(
        throws: ThemeError.invalid(
            file: "bad.toml", line: 4, key: "colors.txt", reason: "unknown key (see themes/README.md for the list)")
    ) {
        try parse("[ramps]\nweights = [\"#000000\", \"#ffffff\"]\n[colors]\n  txt = \"#000000\"\n")
    }
}

@Test func badColourIsNamedWithItsLine() {
    #expect(
        throws: ThemeError.invalid(
            file: "bad.toml", line: 3, key: "colors.border", reason: "bad colour \"#12345\" (expected \"#rrggbb\")")
    ) {
        try parse("[colors]\ntext = \"#000000\"\nborder = \"#12345\"\n")
    }
}

@Test func colourThatIsNotAStringIsRejected() {
    #expect {
        try parse("[colors]\naxis = 12\n")
    } throws: { error in
        guard case let .invalid(_, line, key, _) = error as? ThemeError else { return false }
        return line == 2 && key == "colors.axis"
    }
}

@Test func rampNeedsTwoValidColours() {
    #expect {
        try parse("[ramps]\nweights = [\"#000000\"]\n")
    } throws: { error in
        guard case let .invalid(_, line, key, _) = error as? ThemeError else { return false }
        return line == 2 && key == "ramps.weights"
    }
    #expect {
        try parse("[ramps]\nlogits = [\"#000000\", \"blue\"]\n")
    } throws: { error in
        guard case let .invalid(_, line, key, reason) = error as? ThemeError else { return false }
        return line == 2 && key == "ramps.logits" && reason.contains("blue")
    }
}

@Test func unknownRampIsRejected() {
    #expect(
        throws: ThemeError.invalid(
            file: "bad.toml", line: 3, key: "ramps.weight", reason: "unknown key (allowed: weights, logits)")
    ) {
        try parse("[ramps]\nweights = [\"#000000\", \"#ffffff\"]\nweight = []\n")
    }
}

@Test func sectionThatIsNotATableIsRejected() {
    #expect(throws: ThemeError.invalid(file: "bad.toml", line: 1, key: "colors", reason: "must be a table [colors]")) {
        try parse("colors = \"#ffffff\"\n")
    }
}

@Test func userThemesComeFirstAndShadowBundledOnes() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
        "attnview-themes-\(UInt32.random(in: 0...UInt32.max))")
    let folder = home.appendingPathComponent("attnview/themes")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    try "[colors]\ntext = \"#010203\"\n".write(
        to: folder.appendingPathComponent("viridis.toml"), atomically: true, encoding: .utf8)
    try "summary = \"mine\"\n".write(to: folder.appendingPathComponent("zeta.toml"), atomically: true, encoding: .utf8)
    let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": home.path])
    #expect(catalog.availableNames().prefix(2) == ["viridis", "zeta"])
    #expect(try catalog.load("viridis").colors.text == RGB(1, 2, 3))
    #expect(try catalog.load(folder.appendingPathComponent("zeta.toml").path).summary == "mine")
    let fromHome = ThemeCatalog(environment: ["HOME": "/home/someone"])
    #expect(fromHome.userDirectory == "/home/someone/.config/attnview/themes")
}

@Test func unknownThemeListsTheAvailableNames() {
    let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": "/nonexistent"])
    #expect(throws: ThemeError.unknownName("nope", available: bundledNames)) { try catalog.load("nope") }
    #expect(throws: ThemeError.missingFile("/tmp/none.toml")) { try catalog.load("/tmp/none.toml") }
    #expect(
        ThemeError.unknownName("nope", available: ["default", "light"]).description
            == "unknown theme 'nope' (available: default, light; or a path to a .toml file)")
}

@Test func themeErrorsReadAsOneLine() {
    let error = ThemeError.invalid(file: "a.toml", line: 3, key: "colors.text", reason: "bad colour")
    #expect(error.description == "a.toml:3: key 'colors.text': bad colour")
}
