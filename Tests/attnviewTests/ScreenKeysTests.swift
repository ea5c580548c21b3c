import AttentionCore
import Rendering
import Testing

@testable import attnview

/// The keys the app hands the renderer: resolved once for the screen's mode and inputs.
@Suite struct ScreenKeysTests {
    private let table = KeyTable(entries: [
        KeyEntry(
            [(.left, .halveDk), (.right, .doubleDk)], or: [(.character("h"), .halveDk), (.character("l"), .doubleDk)],
            help: "d_k", hint: KeyHint("d_k", priority: 2), parameters: [.dk], modes: [.view]),
        KeyEntry(
            [(.character("<"), .decrementDk), (.character(">"), .incrementDk)],
            or: [(.shiftLeft, .decrementDk), (.shiftRight, .incrementDk)], help: "d_k ± 1", modes: [.view]),
        KeyEntry(
            [(.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk))], help: "policy",
            hint: KeyHint("policy", priority: 9), parameters: [.policy], modes: [.view]),
        KeyEntry(
            [(.character("0"), .standardDivisor)], help: "standard", hint: KeyHint("policy", priority: 9),
            parameters: [.policy], modes: [.view]),
        KeyEntry(
            [(.character("r"), .newSeed)], help: "seed", hint: KeyHint("seed", priority: 3), parameters: [.seed],
            modes: [.view], scope: .generator),
        KeyEntry([(.escape, .closeHelp)], help: "close", modes: [.help]),
    ])

    @Test func helpSaysAModifierOncePerRun() {
        #expect(table.entries[1].helpKeys == "< > Shift+← →")
        #expect(table.entries[0].helpKeys == "← → h l")
        #expect(KeyEntry([(.control("a"), .quit), (.alt("b"), .quit)], help: "").helpKeys == "Ctrl-A Alt+b")
    }

    @Test func hintsMergeEntriesOfOneWordAndKeepTheFirstPriority() {
        let screen = table.screen(in: .view, for: .generated)
        #expect(screen.hints.map(\.keys) == [["←", "→"], ["1", "2", "0"], ["r"]])
        #expect(screen.hints.map(\.word) == ["d_k", "policy", "seed"])
        #expect(screen.hints.map(\.priority) == [2, 9, 3])
        #expect(table.screen(in: .help, for: .generated).hints.isEmpty)
    }

    /// The parameter column lists the picture's keys whatever is open, for the inputs on screen.
    @Test func parameterKeysAreThePicturesForTheInputsOnScreen() {
        let screen = table.screen(in: .help, for: .generated)
        #expect(screen.parameters == ["d_k": ["←", "→"], "policy": ["1", "2", "0"], "seed": ["r"]])
        #expect(table.screen(in: .view, for: .files(q: "q.npy", k: "k.npy")).parameters["seed"] == nil)
    }

    @Test func entriesAreFilteredByModeAndInputs() {
        #expect(table.screen(in: .help, for: .generated).help.map(\.text) == ["close"])
        #expect(table.screen(in: .view, for: .generated).help.count == 5)
        #expect(
            table.screen(in: .view, for: .files(q: "q", k: "k")).help.map(\.text) == [
                "d_k", "d_k ± 1", "policy", "standard",
            ])
    }

    /// Every mode × inputs × split view: every key the status bar or the help shows acts on that
    /// screen (never "does not apply"), and every key that acts there is in its help.
    @Test(arguments: InputMode.allCases)
    func everyKeyShownActsAndEveryKeyThatActsIsShown(mode: InputMode) {
        let head = ModelHead(
            model: "m", text: "a b c", tokens: ["[CLS]", "a", "b", "c", "[SEP]"], layer: 0, head: 0, layers: 2, heads: 2
        )
        let sources: [InputSource] = [.generated, .files(q: "q.npy", k: "k.npy"), .model(head)]
        for source in sources {
            for comparing in [false, true] {
                guard let state = Self.state(mode, source: source, comparing: comparing) else { continue }
                let screen = KeyTable.standard.screen(for: state)
                let shown = Set(screen.help.map(\.keys))
                #expect(
                    Set(screen.hints.flatMap(\.keys)).isSubset(
                        of: Set(screen.help.flatMap { $0.keys.split(separator: " ").map(String.init) })),
                    "\(mode) \(source)")
                for entry in KeyTable.standard.entries where entry.modes.contains(mode) {
                    let acting = entry.allBindings.filter { Self.acts($0.key, in: state) }
                    if shown.contains(entry.helpKeys) {
                        #expect(
                            acting.count == entry.allBindings.count,
                            "\(entry.helpKeys) shown in \(mode) for \(source) but does nothing")
                    } else {
                        #expect(
                            acting.isEmpty, "\(acting.map(\.key)) act in \(mode) for \(source) but are not in its help")
                    }
                }
            }
        }
    }

    /// A state in `mode` showing `source`; nil where that screen cannot be reached (no grid or editor without a model).
    private static func state(_ mode: InputMode, source: InputSource, comparing: Bool) -> AppState? {
        var params = AttentionParams(n: 5, dk: 8, source: source)
        if case .files = source { params.dk = 8 }
        var state = AppState(
            params: params, themeName: "default", themeNames: ["default", "viridis"], dkRange: 1...16, width: 120,
            height: 40)
        state.view.comparing = comparing
        state.view.selectedRow = 2
        state.view.status = "before"
        switch mode {
        case .view, .compare: break
        case .help: state.view.showHelp = true
        case .grid, .editor:
            guard case .model = source else { return nil }
            state = reduce(state, mode == .grid ? .toggleGrid : .openEditor).state
            state.view.status = "before"
        case .tooSmall: state.width = 40
        case .lab:
            state = reduce(state, .openLab).state
            state.view.status = "before"
        }
        return state.mode == mode ? state : nil
    }

    /// Whether `key` changes something in `state` other than saying it does not apply there.
    private static func acts(_ key: Key, in state: AppState) -> Bool {
        let (next, effects) = reduce(state, KeyTable.standard.action(for: key, in: state.mode))
        let refusals = ["does not apply", "come from", "needs a model"]
        if refusals.contains(where: next.view.status.contains) { return false }
        return next != state || !effects.isEmpty
    }
}
