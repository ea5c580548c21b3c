import AttentionCore
import Foundation
import Rendering
import Testing

@testable import attnview

private func state(width: Int = 120, height: Int = 40, params: AttentionParams = AttentionParams()) -> AppState {
    AppState(params: params, themeName: "default", themeNames: ["default"], width: width, height: height)
}

private func runner(for params: AttentionParams) throws -> EffectRunner {
    EffectRunner(
        engine: AttentionEngine(), result: try AttentionEngine().compute(params),
        catalog: ThemeCatalog(environment: [:]), snapshotDirectory: FileManager.default.temporaryDirectory.path,
        depth: .none, ascii: false)
}

/// `e` / `E` select the sharpest / flattest row: one table entry each, a reducer case, an effect.
@Suite struct RowJumpTests {
    @Test func eAndShiftEAskForTheSharpestAndFlattestRow() {
        #expect(KeyTable.standard.pressing(.character("e"), in: .view) == .jumpToRow(.sharpest))
        #expect(KeyTable.standard.pressing(.character("E"), in: .view) == .jumpToRow(.flattest))
        let (next, effects) = reduce(state(), .jumpToRow(.flattest))
        #expect(effects == [.findRow(.flattest)])
        #expect(next.view.selectedRow == 0, "the row changes when the loop has found it")
    }

    @Test func theEffectFindsTheRowOnScreenAndTheReducerSelectsIt() throws {
        let params = AttentionParams(dk: 1024, scale: .none)
        var effects = try runner(for: params)
        let sharpness = RowSharpness(result: effects.result)
        for extreme in [RowSharpness.Extreme.sharpest, .flattest] {
            let outcome = effects.perform(.findRow(extreme), state: state(params: params))
            let row = try #require(sharpness.row(extreme))
            let value = try #require(sharpness.normalizedEntropy[row])
            #expect(outcome == [.rowFound(row: row, extreme: extreme, normalizedEntropy: value)])
            let next = reduce(state(params: params), outcome[0]).state
            #expect(next.view.selectedRow == row)
            let word = extreme == .sharpest ? "sharpest" : "flattest"
            #expect(next.view.status.hasPrefix("row \(row) is the \(word): H / ln m "), "\(next.view.status)")
        }
        #expect(sharpness.sharpest != sharpness.flattest)
    }

    @Test func aOneHotRowReadsBelowOneTenThousandth() {
        let next = reduce(state(), .rowFound(row: 48, extreme: .sharpest, normalizedEntropy: 1.2e-18)).state
        #expect(next.view.status == "row 48 is the sharpest: H / ln m below 0.0001")
        let flat = reduce(state(), .rowFound(row: 3, extreme: .flattest, normalizedEntropy: 0.97654)).state
        #expect(flat.view.status == "row 3 is the flattest: H / ln m 0.9765")
    }

    @Test func withOneKeyThereIsNothingToChooseAndTheStatusSaysSo() throws {
        let params = AttentionParams(n: 4, m: 1)
        var effects = try runner(for: params)
        let outcome = effects.perform(.findRow(.sharpest), state: state(params: params))
        #expect(outcome == [.report("no row sees two keys: none is sharper than another")])
    }
}

/// While the screen says "terminal too small", keys that would change something wait: nothing
/// changes out of sight, and the screen says so.
@Suite struct TinyScreenTests {
    @Test(arguments: [
        KeyAction.doubleDk, .halveDk, .nudgeDivisor(quarterOctaves: 1), .choosePolicy(.none), .fewerTokens, .newSeed,
        .toggleCausal, .rhoUp, .toggleHeatmap, .nextRow, .nextTheme, .togglePlay, .save(json: false),
        .jumpToRow(.sharpest), .toggleHelp,
    ])
    func keysAreIgnoredWhileTooSmall(action: KeyAction) {
        let tiny = state(width: 60, height: 20)
        let (next, effects) = reduce(tiny, action)
        #expect(next == tiny)
        #expect(effects.isEmpty)
        let (normal, _) = reduce(state(), action)
        #expect(normal != state() || action == .save(json: false) || action == .jumpToRow(.sharpest))
    }

    @Test func quittingResizingAndTheClockStillWork() {
        let tiny = state(width: 60, height: 20)
        #expect(reduce(tiny, .quit).effects == [.quit])
        #expect(reduce(tiny, .closeHelp) == (tiny, []))
        let grown = reduce(tiny, .resize(width: 100, height: 30)).state
        #expect(grown.width == 100 && !grown.isTooSmall)
        #expect(reduce(grown, .doubleDk).state.params.dk == 128, "keys work again once it is large enough")
        var playing = tiny
        playing.view.playing = true
        #expect(reduce(playing, .tick) == (playing, []), "play pauses rather than move the divisor unseen")
    }

    @Test func theTooSmallScreenSaysKeysWait() throws {
        let result = try AttentionEngine().compute(AttentionParams())
        let text = ScreenRenderer(theme: .fallback, depth: .none)
            .render(result: result, curve: [], view: ViewState(), keys: .none, width: 60, height: 20).plainText()
        #expect(text.contains("terminal too small (need 80×24)"))
        #expect(text.contains("keys wait until it is larger · q quits"))
    }
}
