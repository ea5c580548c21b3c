import Foundation
import Rendering
import Testing

@testable import attnview

@Suite struct KeyTableTests {
    private let table = KeyTable.standard

    @Test func everyKeyOfTheViewMapsToItsAction() {
        let expected: [(Key, Action)] = [
            (.left, .halveDk), (.character("h"), .halveDk), (.right, .doubleDk), (.character("l"), .doubleDk),
            (.shiftLeft, .decrementDk), (.character("<"), .decrementDk),
            (.shiftRight, .incrementDk), (.character(">"), .incrementDk),
            (.up, .nudgeDivisor(quarterOctaves: 1)), (.down, .nudgeDivisor(quarterOctaves: -1)),
            (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
            (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
            (.character("n"), .fewerTokens), (.character("N"), .moreTokens), (.character("r"), .newSeed),
            (.character("c"), .toggleCausal), (.character("["), .rhoDown), (.character("]"), .rhoUp),
            (.character("v"), .toggleHeatmap), (.character("j"), .nextRow), (.character("k"), .previousRow),
            (.tab, .nextRowWrapping), (.character("t"), .nextTheme), (.character("p"), .togglePlay),
            (.character("s"), .save(json: false)), (.character("S"), .save(json: true)),
            (.character("?"), .toggleHelp), (.character("q"), .quit), (.escape, .back),
        ]
        for mode in [InputMode.view, .help] {
            for (key, action) in expected {
                #expect(table.action(for: key, in: mode) == action, "\(key) in \(mode)")
            }
        }
        let bound = table.entries.flatMap(\.allBindings).count
        #expect(bound == expected.count, "every binding is checked above")
    }

    @Test func unboundKeysDoNothingAndResizeAlwaysWorks() {
        #expect(table.action(for: .character("x"), in: .view) == .unboundKey)
        #expect(table.action(for: .resize(width: 40, height: 12), in: .help) == .resize(width: 40, height: 12))
    }

    @Test func everyKeyIsBoundOncePerMode() {
        for mode in InputMode.allCases {
            let keys = table.entries.filter { $0.modes.contains(mode) }.flatMap(\.allBindings).map(\.key)
            #expect(Set(keys).count == keys.count, "\(mode)")
        }
    }

    /// A mode of its own takes its keys first and can type text: how a grid or an editor drops in.
    @Test func aModesOwnEntriesAndTextEntryDecideItsKeys() {
        let table = KeyTable(entries: [
            KeyEntry([(.escape, .toggleHelp)], help: "close", modes: [.help]),
            KeyEntry(typing: { .report(String($0)) }, help: "type", modes: [.help]),
            KeyEntry([(.character("q"), .quit), (.escape, .back)], help: "quit"),
        ])
        #expect(table.action(for: .escape, in: .help) == .toggleHelp)
        #expect(table.action(for: .escape, in: .view) == .back)
        #expect(table.action(for: .character("q"), in: .help) == .quit)
        #expect(table.action(for: .character("x"), in: .help) == .report("x"))
        #expect(table.action(for: .character("x"), in: .view) == .unboundKey)
        #expect(table.guide.entries(in: .help).map(\.helpKeys) == ["Esc", "text", "q Esc"])
    }

    @Test func theGuideSpellsKeysAsTheScreenShowsThem() {
        let lines = table.guide.entries(in: .view).map(\.helpKeys)
        #expect(lines.prefix(4) == ["← → h l", "< > Shift+← →", "↑ ↓", "1 2 3"])
        #expect(lines.contains("j k Tab"))
    }

    @Test func interactiveHelpListsEveryEntry() {
        let help = InteractiveCommand.helpMessage()
        for entry in table.entries {
            #expect(help.contains(entry.help), "\(entry.help)")
        }
        #expect(help.contains("← → h l"))
    }

    /// The README's key table lists exactly the keys of the table, each spelled as the help does.
    @Test func readmeKeyTableListsExactlyTheTablesKeys() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "\n## Keys\n").dropFirst().first)
        let rows = section.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        let documented = rows.flatMap { row in
            let keyCell = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            return keyCell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        let labels = table.entries.flatMap(\.allBindings).map(\.key.label)
        #expect(!documented.isEmpty)
        #expect(documented.sorted() == labels.sorted())
    }
}
