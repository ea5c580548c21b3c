import Testing

@testable import Rendering

@Suite struct KeyGuideTests {
    private let guide = KeyGuide([
        KeyHelp(
            keys: ["←", "→"], alternates: ["h", "l"], help: "d_k", hint: KeyHint("d_k", priority: 2),
            parameters: [.dk], modes: [.view]),
        KeyHelp(keys: ["<", ">"], alternates: ["Shift+←", "Shift+→"], help: "d_k ± 1", modes: [.view]),
        KeyHelp(
            keys: ["1", "2"], help: "policy", hint: KeyHint("policy", priority: 9), parameters: [.policy],
            modes: [.view]),
        KeyHelp(
            keys: ["0"], help: "standard", hint: KeyHint("policy", priority: 9), parameters: [.policy], modes: [.view]),
        KeyHelp(keys: ["Esc"], help: "close", modes: [.help]),
    ])

    @Test func helpSaysAModifierOncePerRun() {
        #expect(guide.entries[1].helpKeys == "< > Shift+← →")
        #expect(guide.entries[0].helpKeys == "← → h l")
        #expect(KeyHelp(keys: ["+", "Ctrl+a", "Alt+b"], help: "", modes: []).helpKeys == "+ Ctrl+a Alt+b")
    }

    @Test func hintsPairArrowsAndMergeEntriesOfOneWord() {
        let hints = guide.hints(in: .view)
        #expect(hints.map(\.keys) == ["←→", "1 2 0"])
        #expect(hints.map(\.word) == ["d_k", "policy"])
        #expect(guide.hints(in: .help).isEmpty)
    }

    @Test func parameterKeysUseTheGlyphSet() {
        #expect(guide.keys(for: .dk, in: .view, glyphs: .unicode) == "← →")
        #expect(guide.keys(for: .dk, in: .view, glyphs: .ascii) == "<- ->")
        #expect(guide.keys(for: .policy, in: .view, glyphs: .unicode) == "1 2 0")
        #expect(guide.keys(for: .dk, in: .help, glyphs: .unicode) == "")
    }

    @Test func entriesAreFilteredByMode() {
        #expect(guide.entries(in: .help).map(\.help) == ["close"])
        #expect(guide.entries(in: .view).count == 4)
    }
}
