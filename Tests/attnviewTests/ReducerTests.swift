import AttentionCore
import Foundation
import Rendering
import Testing

@testable import attnview

/// A state like the one `attnview` starts with: random Q and K, n 64, d_k 64, √d_k.
private func startState(params: AttentionParams = AttentionParams()) -> AppState {
    AppState(params: params, themeName: "default", themeNames: ["default", "viridis", "magma"], width: 120, height: 40)
}

private func applying(_ actions: [KeyAction], to state: AppState = startState()) -> AppState {
    actions.reduce(state) { reduce($0, $1).state }
}

/// `params` with one change, for the expected effects.
private func changed(_ change: (inout AttentionParams) -> Void) -> AttentionParams {
    var params = startState().params
    change(&params)
    return params
}

@Suite struct ReducerTests {
    @Test func aThemeThatFailsToLoadIsReplacedByTheDefaultInTheState() {
        var state = startState()
        state.themeName = "nosuch"
        let next = reduce(state, .themeFailed(reason: "theme 'nosuch' not found")).state
        #expect(next.themeName == "default")
        #expect(next.view.status == "theme 'nosuch' not found; using the default theme")
    }

    /// An outcome is not a key press: it neither stops play nor waits for a larger screen, so the
    /// state never names a theme that is not drawn (snapshots record the state's name).
    @Test func aThemeFailureWhilePlayingOrTooSmallStillResetsTheName() {
        var playing = startState()
        playing.themeName = "nosuch"
        playing.view.playing = true
        let next = reduce(playing, .themeFailed(reason: "theme 'nosuch' not found")).state
        #expect(next.themeName == "default")
        #expect(next.view.playing, "an outcome does not stop play")
        var tiny = startState()
        tiny.themeName = "nosuch"
        tiny.width = 20
        #expect(reduce(tiny, .themeFailed(reason: "theme 'nosuch' not found")).state.themeName == "default")
    }

    @Test func rightArrowDoublesDkAndLeftHalvesIt() {
        #expect(applying([.doubleDk]).params.dk == 128)
        #expect(applying([.halveDk]).params.dk == 32)
        #expect(applying([.doubleDk, .halveDk]).params == startState().params)
    }

    @Test func shiftArrowsStepDkByOne() {
        #expect(applying([.incrementDk]).params.dk == 65)
        #expect(applying([.decrementDk, .decrementDk]).params.dk == 62)
    }

    @Test func dkStopsAtItsLimitsWithAStatusMessage() {
        let smallest = applying(Array(repeating: .halveDk, count: 10))
        #expect(smallest.params.dk == 1)
        #expect(smallest.view.status.contains("smallest"))
        let fromFiles = AppState(
            params: AttentionParams(dk: 16, source: .files(q: "q.npy", k: "k.npy")), themeName: "default",
            themeNames: [], dkRange: 1...16, width: 80, height: 24)
        let capped = reduce(fromFiles, .doubleDk).state
        #expect(capped.params.dk == 16)
        #expect(capped.view.status.contains("largest, 16"))
    }

    @Test func dkNeverAsksForMoreValuesThanTheViewAllows() {
        var params = AttentionParams(n: 4096, dk: 16384)
        params.m = 4096
        let state = reduce(startState(params: params), .doubleDk).state
        #expect(state.params.dk == 16384)
        #expect(!state.view.status.isEmpty)
    }

    @Test func upAndDownMoveTheDivisorAQuarterOctaveExactly() {
        let up = applying([.nudgeDivisor(quarterOctaves: 1)])
        #expect(abs(up.params.divisor - 8 * pow(2, 0.25)) < 1e-12)
        let octave = applying(Array(repeating: .nudgeDivisor(quarterOctaves: 1), count: 4))
        #expect(octave.params.alpha == 2)
        #expect(octave.params.divisor == 16)
        let back = applying(Array(repeating: .nudgeDivisor(quarterOctaves: -1), count: 8), to: octave)
        #expect(back.params.alpha == 0.5)
    }

    @Test func fixedDivisorIsNudgedItself() {
        let state = reduce(startState(params: AttentionParams(scale: .fixed(10))), .nudgeDivisor(quarterOctaves: 4))
            .state
        #expect(state.params.scale == .fixed(20))
    }

    @Test func divisorOutsideTheCoreLimitsIsRefused() {
        let tiny = startState(params: AttentionParams(dk: 1, scale: .none, alpha: 1.1e-6))
        let state = reduce(tiny, .nudgeDivisor(quarterOctaves: -1)).state
        #expect(state.params == tiny.params)
        #expect(state.view.status.contains("divisor"))
    }

    @Test func policyKeysResetAlphaAndZeroRestoresTheStandard() {
        let nudged = applying([.nudgeDivisor(quarterOctaves: 3)])
        let dk = reduce(nudged, .choosePolicy(.dk)).state
        #expect(dk.params.scale == .dk && dk.params.alpha == 1 && dk.params.divisor == 64)
        let none = reduce(nudged, .choosePolicy(.none)).state
        #expect(none.params.divisor == 1)
        let standard = reduce(none, .standardDivisor).state
        #expect(standard.params.scale == .sqrtDk && standard.params.alpha == 1 && standard.params.divisor == 8)
        #expect(reduce(standard, .standardDivisor).state.view.status == "already the standard divisor √d_k")
    }

    @Test func tokenKeysHalveAndDoubleBothCounts() {
        let fewer = applying([.fewerTokens])
        #expect(fewer.params.n == 32 && fewer.params.m == 32)
        var params = AttentionParams(n: 8)
        params.m = 12
        let more = reduce(startState(params: params), .moreTokens).state
        #expect(more.params.n == 16 && more.params.m == 24)
    }

    @Test func selectedRowFollowsFewerTokens() {
        let state = applying(Array(repeating: .nextRow, count: 50) + [.fewerTokens])
        #expect(state.view.selectedRow == 31)
    }

    @Test func seedCausalAndRhoKeysChangeTheModel() {
        #expect(applying([.newSeed]).params.seed == 1)
        #expect(applying([.toggleCausal]).params.causal)
        #expect(applying([.toggleCausal, .toggleCausal]).params.causal == false)
        #expect(applying([.rhoUp, .rhoUp]).params.rho == 0.2)
        let top = applying(Array(repeating: .rhoUp, count: 20))
        #expect(top.params.rho == 0.99)
        #expect(applying([.rhoDown]).view.status == "rho is already 0")
    }

    @Test func fileInputsRefuseSeedTokensAndRho() {
        let files = startState(params: AttentionParams(source: .files(q: "q.npy", k: "k.npy")))
        for action in [KeyAction.newSeed, .moreTokens, .fewerTokens, .rhoUp] {
            let state = reduce(files, action).state
            #expect(state.params == files.params)
            #expect(!state.view.status.isEmpty)
        }
    }

    @Test func modelInputsRefuseSeedTokensAndRhoNamingTheModel() {
        let head = ModelHead(
            model: "minilm", text: "hi", tokens: ["[CLS]", "hi", "[SEP]"], layer: 0, head: 0, layers: 6, heads: 12)
        let model = startState(params: AttentionParams(n: 3, dk: 32, source: .model(head)))
        for action in [KeyAction.newSeed, .rhoUp] {
            let state = reduce(model, action).state
            #expect(state.params == model.params)
            #expect(state.view.status.hasSuffix("Q and K come from the model"))
        }
        #expect(reduce(model, .moreTokens).state.view.status == "the tokens come from the text: / edits it")
    }

    @Test func rowSelectionClampsWithJKAndWrapsWithTab() {
        #expect(applying([.previousRow]).view.selectedRow == 0)
        #expect(applying([.nextRow, .nextRow]).view.selectedRow == 2)
        #expect(applying(Array(repeating: .nextRowWrapping, count: 63)).view.selectedRow == 63)
        #expect(applying(Array(repeating: .nextRowWrapping, count: 64)).view.selectedRow == 0)
    }

    @Test func viewKeysToggleHeatmapHelpAndThemes() {
        #expect(applying([.toggleHeatmap]).view.heatmap == .logits)
        #expect(applying([.toggleHeatmap, .toggleHeatmap]).view.heatmap == .weights)
        #expect(applying([.toggleHelp]).view.showHelp)
        #expect(applying([.nextTheme]).themeName == "viridis")
        #expect(applying([.nextTheme, .nextTheme, .nextTheme]).themeName == "default")
    }

    @Test func aKeyThatActsClosesTheHelp() {
        let state = applying([.toggleHelp, .doubleDk])
        #expect(!state.view.showHelp && state.params.dk == 128)
        #expect(applying([.toggleHelp, .unboundKey]).view.showHelp)
    }

    @Test func escapeClosesHelpAndNeverQuits() {
        let help = reduce(applying([.toggleHelp]), .closeHelp)
        #expect(!help.state.view.showHelp && help.effects == [])
        #expect(reduce(startState(), .closeHelp).effects == [])
        #expect(reduce(startState(), .quit).effects == [.quit])
    }

    @Test func playSweepsTheDivisorAndTurnsAtThreeOctaves() {
        var state = applying([.togglePlay])
        #expect(state.view.playing)
        var positions: [Int] = []
        for _ in 0..<40 {
            state = reduce(state, .tick).state
            positions.append(ParameterSteps.quarterOctaves(of: state.params))
        }
        #expect(positions.max() == 12)
        #expect(positions.min() == -12)
        #expect(positions.prefix(3) == [1, 2, 3])
        #expect(state.params.scale == .sqrtDk && state.params.dk == 64)
    }

    @Test func anyKeyStopsPlayWithoutActingButQQuits() {
        let playing = [Outcome.tick, .tick].reduce(applying([.togglePlay])) { reduce($0, $1).state }
        let stopped = reduce(playing, .doubleDk).state
        #expect(!stopped.view.playing)
        #expect(stopped.params == playing.params)
        #expect(reduce(playing, .quit).effects == [.quit])
        #expect(reduce(playing, .doubleDk).effects == [])
        #expect(reduce(startState(), .tick).state == startState())
        #expect(!reduce(playing, .unboundKey).state.view.playing)
        #expect(reduce(startState(), .unboundKey).state == startState())
    }

    @Test func saveIsRequestedAndItsOutcomeShown() {
        #expect(reduce(startState(), .save(json: true)).effects == [.save(json: true)])
        #expect(reduce(startState(), .save(json: false)).effects == [.save(json: false)])
        let requested = applying([.save(json: true)])
        let saved = reduce(requested, .saved(paths: ["/tmp/a.txt", "/tmp/a.json"]))
        #expect(saved.effects == [])
        #expect(saved.state.view.status == "saved a.txt + .json in /tmp")
        let failed = reduce(requested, .saveFailed("/ro: Permission denied")).state
        #expect(failed.view.status == "not saved: /ro: Permission denied")
    }

    @Test func revertRestoresTheLastComputedParameters() {
        let changed = applying([.doubleDk])
        let reverted = reduce(changed, .revert(to: startState().params, reason: "q.npy: truncated")).state
        #expect(reverted.params == startState().params)
        #expect(reverted.view.status == "q.npy: truncated")
    }

    @Test func resizeRecordsTheSizeAndKeepsTheStatus() {
        let state = reduce(applying([.fewerTokens], to: applying([.rhoDown])), .resize(width: 40, height: 12)).state
        #expect(state.width == 40 && state.height == 12)
    }

    @Test func aKeyClearsTheLastStatusMessage() {
        let state = applying([.rhoDown, .toggleCausal])
        #expect(state.view.status.isEmpty)
    }

    /// What each key asks the loop to do: a new result (and curve when more than the divisor
    /// changed), a theme, a save, quitting, or nothing.
    @Test func everyKeyAsksForExactlyTheWorkItNeeds() {
        let expected: [(KeyAction, [Effect])] = [
            (.halveDk, refreshing(.compute(changed { $0.dk = 32 }), .curve)),
            (.doubleDk, refreshing(.compute(changed { $0.dk = 128 }), .curve)),
            (.decrementDk, refreshing(.compute(changed { $0.dk = 63 }), .curve)),
            (.incrementDk, refreshing(.compute(changed { $0.dk = 65 }), .curve)),
            (.nudgeDivisor(quarterOctaves: 4), refreshing(.compute(changed { $0.alpha = 2 }))),
            (.choosePolicy(.dk), refreshing(.compute(changed { $0.scale = .dk }))),
            (.standardDivisor, []),
            (
                .fewerTokens,
                refreshing(
                    .compute(
                        changed {
                            $0.n = 32
                            $0.m = 32
                        }), .curve)
            ),
            (
                .moreTokens,
                refreshing(
                    .compute(
                        changed {
                            $0.n = 128
                            $0.m = 128
                        }), .curve)
            ),
            (.newSeed, refreshing(.compute(changed { $0.seed = 1 }), .curve)),
            (.toggleCausal, refreshing(.compute(changed { $0.causal = true }), .curve)),
            (.rhoUp, refreshing(.compute(changed { $0.rho = 0.1 }), .curve)),
            (.rhoDown, []),
            (.toggleHeatmap, []), (.toggleCompare, refreshing(.baseline)), (.nextRow, []), (.previousRow, []),
            (.nextRowWrapping, []),
            (.nextTheme, refreshing(.theme("viridis"))),
            (.togglePlay, []),
            (.save(json: false), [.save(json: false)]), (.save(json: true), [.save(json: true)]),
            (.toggleHelp, []), (.unboundKey, []), (.closeHelp, []), (.quit, [.quit]),
        ]
        for (action, effects) in expected {
            #expect(reduce(startState(), action).effects == effects, "\(action)")
        }
        let outcomes: [Outcome] = [
            .tick, .saved(paths: ["/tmp/a.txt"]), .saveFailed("full"), .report("x"), .themeFailed(reason: "x"),
            .revert(to: AttentionParams(dk: 8), reason: "x"), .resize(width: 100, height: 30),
        ]
        for outcome in outcomes { #expect(reduce(startState(), outcome).effects == [], "\(outcome)") }
    }

    @Test func aPlayStepComputesTheNextDivisorWithoutTheCurve() {
        let playing = applying([.togglePlay])
        let step = reduce(playing, .tick)
        #expect(step.effects == refreshing(.compute(step.state.params)))
        #expect(step.state.params.alpha == pow(2, 0.25))
    }

    /// `b` splits the view and asks for the standard divisor's result; while split, new inputs or
    /// d_k bring a new baseline with the curve, and the divisor alone neither (the baseline sits at
    /// √d_k whatever the current divisor); `b` again returns to the single view without any work.
    @Test func bComparesWithTheStandardDivisorAndBAgainReturns() {
        let (split, effects) = reduce(startState(), .toggleCompare)
        #expect(split.view.comparing)
        #expect(effects == refreshing(.baseline))
        #expect(KeyTable.standard.action(for: .character("b"), in: .view) == .key(.toggleCompare))
        #expect(
            reduce(split, .nudgeDivisor(quarterOctaves: -4)).effects == refreshing(.compute(changed { $0.alpha = 0.5 }))
        )
        #expect(
            reduce(split, .doubleDk).effects == refreshing(.compute(changed { $0.dk = 128 }), .curve, .baseline))
        let rows = applying([.nextRow, .toggleHeatmap], to: split)
        #expect(rows.view.comparing && rows.view.selectedRow == 1 && rows.view.heatmap == .logits)
        let (single, none) = reduce(split, .toggleCompare)
        #expect(!single.view.comparing)
        #expect(none.isEmpty)
        #expect(
            Refresh.coalesced([.baseline, .compute(AttentionParams()), .baseline]) == [
                .compute(AttentionParams()), .baseline,
            ])
    }

    /// Esc closes what is open, the split view included (it never quits); with the help open over
    /// the split view it closes the help first.
    @Test func escLeavesTheSplitView() {
        let split = reduce(startState(), .toggleCompare).state
        #expect(split.mode == .compare)
        let escape = KeyTable.standard.action(for: .escape, in: split.mode)
        #expect(escape == .key(.toggleCompare))
        let left = reduce(split, escape).state
        #expect(!left.view.comparing && left.mode == .view)
        var helped = split
        helped.view.showHelp = true
        let closed = reduce(helped, KeyTable.standard.action(for: .escape, in: helped.mode)).state
        #expect(closed.view.comparing && !closed.view.showHelp)
        #expect(KeyTable.standard.action(for: .escape, in: .view) == .key(.unboundKey))
    }

    @Test func theLoopStartsByLoadingTheThemeAndTheCurve() {
        #expect(startState().startingRefreshes == [.theme("default"), .curve])
    }
}
