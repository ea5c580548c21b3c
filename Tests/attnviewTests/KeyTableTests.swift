import AttentionCore
import Foundation
import Rendering
import Testing

@testable import attnview

@Suite struct KeyTableTests {
    private let table = KeyTable.standard

    @Test func everyKeyOfTheViewMapsToItsAction() {
        let expected: [(Key, KeyAction)] = [
            (.left, .halveDk), (.character("h"), .halveDk), (.right, .doubleDk), (.character("l"), .doubleDk),
            (.shiftLeft, .decrementDk), (.character("<"), .decrementDk),
            (.shiftRight, .incrementDk), (.character(">"), .incrementDk),
            (.up, .nudgeDivisor(quarterOctaves: 1)), (.down, .nudgeDivisor(quarterOctaves: -1)),
            (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
            (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
            (.character("n"), .fewerTokens), (.character("N"), .moreTokens), (.character("r"), .newSeed),
            (.character("c"), .toggleCausal), (.character("["), .rhoDown), (.character("]"), .rhoUp),
            (.character("v"), .toggleHeatmap), (.character("b"), .toggleCompare), (.character("j"), .nextRow),
            (.character("k"), .previousRow), (.tab, .nextRowWrapping), (.character("e"), .jumpToRow(.sharpest)),
            (.character("E"), .jumpToRow(.flattest)), (.character("t"), .nextTheme), (.character("p"), .togglePlay),
            (.character("s"), .save(json: false)), (.character("S"), .save(json: true)),
            (.character("f"), .nextSnapshotFormat), (.character("?"), .toggleHelp), (.character("q"), .quit),
            (.character("."), .stepHead(1)), (.character(","), .stepHead(-1)), (.pageDown, .stepLayer(1)),
            (.pageUp, .stepLayer(-1)), (.character("g"), .toggleGrid), (.character("/"), .openEditor),
            (.character("z"), .toggleZoom), (.character("J"), .stepKeyToken(1)), (.character("K"), .stepKeyToken(-1)),
            (.character("A"), .toggleEverywhere),
        ]
        for mode in [InputMode.view, .help] {
            for (key, action) in expected {
                #expect(table.pressing(key, in: mode) == action, "\(key) in \(mode)")
            }
        }
        let grid: [(Key, KeyAction)] = [
            (.left, .moveGridCursor(layers: 0, heads: -1)), (.right, .moveGridCursor(layers: 0, heads: 1)),
            (.up, .moveGridCursor(layers: -1, heads: 0)), (.down, .moveGridCursor(layers: 1, heads: 0)),
            (.enter, .openGridHead), (.character("+"), .nudgeDivisor(quarterOctaves: 1)),
            (.character("-"), .nudgeDivisor(quarterOctaves: -1)), (.character("1"), .choosePolicy(.sqrtDk)),
            (.character("2"), .choosePolicy(.dk)), (.character("3"), .choosePolicy(.none)),
            (.character("0"), .standardDivisor), (.character("g"), .toggleGrid), (.escape, .toggleGrid),
            (.character("s"), .stepGridStatistic(1)), (.character("S"), .stepGridStatistic(-1)),
            (.character("r"), .nextGridOrder),
        ]
        for (key, action) in grid { #expect(table.pressing(key, in: .grid) == action, "\(key) in the grid") }
        let editor: [(Key, KeyAction)] = [
            (.enter, .submitText), (.escape, .cancelEdit), (.left, .edit(.moveLeft)), (.right, .edit(.moveRight)),
            (.home, .edit(.moveToStart)), (.end, .edit(.moveToEnd)), (.backspace, .edit(.deleteBackward)),
            (.delete, .edit(.deleteForward)), (.control("u"), .edit(.clear)),
            (.control("w"), .edit(.deleteWordBackward)),
        ]
        for (key, action) in editor { #expect(table.pressing(key, in: .editor) == action, "\(key) in the editor") }
        #expect(table.pressing(.character("q"), in: .editor) == .edit(.insert("q")), "q types in the editor")
        #expect(table.pressing(.character("東"), in: .editor) == .edit(.insert("東")))
        #expect(table.pressing(.character("j"), in: .grid) == .unboundKey)
        let lab: [(Key, KeyAction)] = [
            (.left, .labDk(doublings: -1)), (.right, .labDk(doublings: 1)), (.character("h"), .labDk(doublings: -1)),
            (.character("l"), .labDk(doublings: 1)), (.up, .labLearningRate(halfOctaves: 1)),
            (.down, .labLearningRate(halfOctaves: -1)), (.character("o"), .labOptimizer), (.character("r"), .labSeed),
            (.character(" "), .labPause), (.character("1"), .choosePolicy(.sqrtDk)),
            (.character("2"), .choosePolicy(.dk)),
            (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
            (.character("+"), .nudgeDivisor(quarterOctaves: 1)), (.character("-"), .nudgeDivisor(quarterOctaves: -1)),
            (.character("g"), .labGrid), (.escape, .closeLab), (.character("?"), .toggleHelp),
        ]
        for (key, action) in lab { #expect(table.pressing(key, in: .lab) == action, "\(key) in the lab") }
        #expect(table.pressing(.character("T"), in: .view) == .openLab)
        #expect(table.pressing(.escape, in: .compare) == .toggleCompare, "Esc leaves compare")
        let bound = table.entries.flatMap(\.allBindings).count
        // The lab's `?` is the picture's entry; `T` is the one more binding of the picture, Esc of compare.
        #expect(
            bound == expected.count + 1 + grid.count + editor.count + lab.count - 1 + 1 + 1,
            "every binding is checked here or below")
    }

    @Test func modelKeysAreListedOnlyForAModelAndGeneratorKeysOnlyWithoutOne() {
        let head = ModelHead(model: "m", text: "t", tokens: [], layer: 0, head: 0, layers: 1, heads: 1)
        let modelLines = table.screen(in: .view, for: .model(head)).help.map(\.keys)
        let plainLines = table.screen(in: .view, for: .generated).help.map(\.keys)
        #expect(modelLines.contains(". ,") && modelLines.contains("PgDn PgUp") && !modelLines.contains("n N"))
        #expect(plainLines.contains("n N") && !plainLines.contains(". ,") && !plainLines.contains("g"))
        #expect(plainLines.contains("q") && modelLines.contains("q"))
    }

    /// Esc closes what is open and never quits; q quits wherever the picture's keys work.
    @Test func escapeClosesTheHelpAndNeverQuits() {
        #expect(table.pressing(.escape, in: .help) == .closeHelp)
        #expect(table.pressing(.escape, in: .view) == .unboundKey)
        #expect(table.pressing(.escape, in: .grid) == .toggleGrid)
        #expect(table.pressing(.escape, in: .editor) == .cancelEdit)
        for mode in InputMode.allCases {
            #expect(table.pressing(.escape, in: mode) != .quit)
            #expect(table.pressing(.character("q"), in: mode) == (mode.takesText ? .edit(.insert("q")) : .quit))
        }
    }

    @Test func keysWithoutABindingDoNothing() {
        let keys: [Key] = [
            .home, .end, .insert, .delete, .function(1), .function(13), .alt("q"), .backTab, .enter, .backspace,
        ]
        for key in keys {
            #expect(table.pressing(key, in: .view) == .unboundKey, "\(key)")
        }
    }

    @Test func unboundKeysDoNothingAndResizeAlwaysWorks() {
        #expect(table.pressing(.character("x"), in: .view) == .unboundKey)
        #expect(
            table.action(for: .resize(width: 40, height: 12), in: .help) == .outcome(.resize(width: 40, height: 12)))
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
            KeyEntry([(.escape, .closeHelp)], help: "close", modes: [.help]),
            KeyEntry(typing: { _ in .toggleHelp }, help: "type", modes: [.help]),
            KeyEntry([(.character("q"), .quit), (.escape, .toggleHelp)], help: "quit"),
        ])
        #expect(table.pressing(.escape, in: .help) == .closeHelp)
        #expect(table.pressing(.escape, in: .view) == .toggleHelp)
        #expect(table.pressing(.character("q"), in: .help) == .quit)
        #expect(table.pressing(.character("x"), in: .help) == .toggleHelp)
        #expect(table.pressing(.character("x"), in: .view) == .unboundKey)
        #expect(table.screen(in: .help, for: .generated).help.map(\.keys) == ["Esc", "text", "q Esc"])
    }

    @Test func theGuideSpellsKeysAsTheScreenShowsThem() {
        let lines = table.screen(in: .view, for: .generated).help.map(\.keys)
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

    /// The README's key tables (the picture's, the grid's, the editor's) list exactly the keys of
    /// the table, each spelled as the help does.
    @Test func readmeKeyTableListsExactlyTheTablesKeys() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let tail = try #require(text.components(separatedBy: "\n## Keys\n").dropFirst().first)
        let section = tail.components(separatedBy: "\n## ").first ?? tail
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| key |") }
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
