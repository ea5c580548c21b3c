import AttentionCore
import Foundation
import Rendering
import Testing

@testable import attnview

/// The model view's keys and modes, on a 6-layer × 12-head model reading a 5-token text.
@Suite struct ModelReducerTests {
    static let labels = ModelHead(
        model: "minilm", text: "the cat sat", tokens: ["[CLS]", "the", "cat", "sat", "[SEP]"], layer: 0, head: 0,
        layers: 6, heads: 12)

    static func start(layer: Int = 0, head: Int = 0) -> AppState {
        var labels = Self.labels
        labels.ref = HeadRef(layer: layer, head: head)
        return AppState(
            params: AttentionParams(n: 5, dk: 32, source: .model(labels)), themeName: "default",
            themeNames: ["default"], dkRange: 1...32, width: 120, height: 40)
    }

    static func applying(_ actions: [KeyAction], to state: AppState = start()) -> AppState {
        actions.reduce(state) { reduce($0, $1).state }
    }

    static func shown(_ state: AppState) -> (layer: Int, head: Int)? {
        state.modelHead.map { ($0.layer, $0.head) }
    }

    @Test func headKeysStepWithinTheLayerAndWrap() {
        let next = reduce(Self.start(layer: 2, head: 11), .stepHead(1))
        #expect(Self.shown(next.state)! == (2, 0))
        #expect(next.effects == refreshing(.compute(next.state.params), .curve), "a new head: its QKᵀ and curve")
        #expect(Self.shown(reduce(Self.start(), .stepHead(-1)).state)! == (0, 11))
        #expect(next.state.view.status == "layer 2 head 0")
    }

    /// While `b` splits the view, a new head, layer or text brings its own standard-divisor twin:
    /// the split never sets one head beside another head's baseline.
    @Test func theSplitViewFollowsEveryHeadLayerAndText() {
        let split = reduce(Self.start(), .toggleCompare).state
        for action in [KeyAction.stepHead(1), .stepLayer(-1)] {
            let next = reduce(split, action)
            #expect(next.effects == refreshing(.compute(next.state.params), .curve, .baseline), "\(action)")
        }
        var labels = Self.labels
        labels.shape.tokens.append("down")
        let ran = reduce(split, .textRan(labels))
        #expect(ran.effects == refreshing(.compute(ran.state.params), .curve, .baseline))
    }

    /// A text the model has read is applied even when it arrives on the "too small" screen, so the
    /// state never disagrees with the engine's new run.
    @Test func aTextRunIsAnOutcomeNotAKeyPress() {
        var small = Self.start()
        small.width = 40
        var labels = Self.labels
        labels.shape.tokens.append("down")
        #expect(reduce(small, .textRan(labels)).state.params.n == 6)
    }

    @Test func layerKeysStepAndWrapKeepingTheHead() {
        #expect(Self.shown(reduce(Self.start(layer: 5, head: 7), .stepLayer(1)).state)! == (0, 7))
        #expect(Self.shown(reduce(Self.start(layer: 0, head: 7), .stepLayer(-1)).state)! == (5, 7))
    }

    @Test func aLayerOrHeadChangeKeepsTheDivisorAndTheRow() {
        var state = Self.applying([.nudgeDivisor(quarterOctaves: 2), .nextRow, .nextRow])
        state = reduce(state, .stepHead(1)).state
        #expect(state.params.alpha == 2.0.squareRoot())
        #expect(state.view.selectedRow == 2)
    }

    @Test func zoomToggles() {
        let zoomed = Self.applying([.toggleZoom])
        #expect(zoomed.zoomed && reduce(zoomed, .toggleZoom).state.zoomed == false)
        #expect(reduce(Self.start(), .toggleZoom).effects == [])
    }

    @Test func gridOpensOnTheHeadOnScreenAndAsksForEveryHead() {
        let opened = reduce(Self.start(layer: 3, head: 7), .toggleGrid)
        #expect(opened.state.gridCursor?.layer == 3 && opened.state.gridCursor?.head == 7)
        #expect(opened.effects == refreshing(.grid))
        #expect(opened.state.mode == .grid)
        let closed = reduce(opened.state, .toggleGrid)
        #expect(closed.state.gridCursor == nil && closed.effects == [] && closed.state.mode == .view)
    }

    @Test func gridCursorMovesAndEnterShowsItsHead() {
        var state = Self.applying([
            .toggleGrid, .moveGridCursor(layers: 1, heads: 0), .moveGridCursor(layers: 0, heads: 2),
        ])
        #expect(state.gridCursor?.layer == 1 && state.gridCursor?.head == 2)
        #expect(Self.shown(state)! == (0, 0), "moving the cursor shows nothing new yet")
        state = Self.applying([.moveGridCursor(layers: -5, heads: -5)], to: state)
        #expect(state.gridCursor?.layer == 0 && state.gridCursor?.head == 0, "the cursor stops at the edge")
        let opened = reduce(Self.applying([.moveGridCursor(layers: 4, heads: 9)], to: state), .openGridHead)
        #expect(Self.shown(opened.state)! == (4, 9) && opened.state.gridCursor == nil)
        #expect(opened.effects == refreshing(.compute(opened.state.params), .curve))
    }

    @Test func aDivisorChangeInTheGridResummarisesEveryHead() {
        let grid = Self.applying([.toggleGrid])
        let raised = reduce(grid, .nudgeDivisor(quarterOctaves: 1))
        #expect(raised.effects == refreshing(.compute(raised.state.params), .grid))
        let policy = reduce(grid, .choosePolicy(.dk))
        #expect(policy.effects.last == .refresh(.grid))
        #expect(reduce(Self.start(), .nudgeDivisor(quarterOctaves: 1)).effects.contains(.refresh(.grid)) == false)
    }

    @Test func escapeClosesTheEditorOrTheGridAndNeverQuits() {
        let editing = Self.applying([.toggleGrid, .openEditor])
        #expect(editing.mode == .editor)
        let cancelled = reduce(editing, .cancelEdit)
        #expect(cancelled.state.editor == nil && cancelled.state.gridCursor != nil && cancelled.effects == [])
        #expect(cancelled.state.modelHead == Self.labels, "the text on screen is unchanged")
        let closed = reduce(cancelled.state, .toggleGrid)
        #expect(closed.state.gridCursor == nil && closed.effects == [] && closed.state.mode == .view)
        #expect(reduce(editing, .quit).effects == [.quit])
    }

    @Test func editorOpensOnTheCurrentTextAndEdits() {
        let editing = Self.applying([.openEditor])
        #expect(editing.editor?.text == "the cat sat" && editing.editor?.cursor == 11)
        #expect(editing.mode == .editor)
        let typed = Self.applying([.edit(.insert(" 東京")), .edit(.moveLeft), .edit(.deleteBackward)], to: editing)
        #expect(typed.editor?.text == "the cat sat 京")
        #expect(Self.applying([.edit(.deleteWordBackward)], to: editing).editor?.text == "the cat ")
        #expect(Self.applying([.edit(.clear)], to: editing).editor?.text == "")
        #expect(typed.params == editing.params, "editing changes nothing on screen until Enter")
    }

    @Test func enterRunsTheModelOnTheNewText() {
        let typed = Self.applying([.openEditor, .edit(.insert(" down"))])
        let submitted = reduce(typed, .submitText)
        #expect(submitted.effects == [.runText("the cat sat down")])
        #expect(submitted.state.editor != nil, "the editor stays until the model has read the text")
        var labels = Self.labels
        labels.text = "the cat sat down"
        labels.shape.tokens = ["[CLS]", "the", "cat", "sat", "down", "[SEP]"]
        let ran = reduce(submitted.state, .textRan(labels))
        #expect(ran.state.editor == nil && ran.state.params.n == 6 && ran.state.params.m == 6)
        #expect(ran.state.modelHead == labels)
        #expect(ran.effects == refreshing(.compute(ran.state.params), .curve))
    }

    @Test func aTextTheModelCannotTakeLeavesTheCurrentOne() {
        let blank = reduce(Self.applying([.openEditor, .edit(.clear), .edit(.insert("   "))]), .submitText)
        #expect(blank.effects == [] && blank.state.modelHead == Self.labels)
        #expect(blank.state.editor?.problem?.hasPrefix("the text is empty") == true, "said in the open editor")
        let refused = reduce(Self.applying([.openEditor, .edit(.insert(" on and on"))]), .submitText)
        let reported = reduce(refused.state, .textRefused("the text gives 600 tokens, more than the model's 512"))
        #expect(reported.state.modelHead == Self.labels && reported.state.editor?.text.hasSuffix("on and on") == true)
        #expect(reported.state.editor?.problem?.contains("600 tokens") == true)
        let same = reduce(Self.applying([.openEditor]), .submitText)
        #expect(same.effects == [] && same.state.editor == nil, "the same text: nothing to run")
    }

    @Test func generatorKeysSayTheyDoNotApplyToAModel() {
        for action in [KeyAction.fewerTokens, .moreTokens, .newSeed, .rhoUp, .rhoDown] {
            let refused = reduce(Self.start(), action)
            #expect(refused.effects == [] && refused.state.params == Self.start().params, "\(action)")
            #expect(!refused.state.view.status.isEmpty, "\(action) says why")
        }
    }

    @Test func modelKeysSayTheyNeedAModel() {
        let plain = AppState(
            params: AttentionParams(), themeName: "default", themeNames: ["default"], width: 80, height: 24)
        for action in [KeyAction.stepHead(1), .stepLayer(-1), .toggleGrid, .openEditor, .toggleZoom] {
            let refused = reduce(plain, action)
            #expect(refused.effects == [] && refused.state.gridCursor == nil && refused.state.editor == nil)
            #expect(refused.state.view.status.contains("--model"), "\(action)")
        }
    }

    @Test func snapshotNamesSayTheHead() {
        let params = Self.start(layer: 3, head: 7).params
        let stem = SnapshotNaming.stem(
            params: params, date: Date(timeIntervalSince1970: 1_796_120_100), timeZone: TimeZone(identifier: "UTC")!)
        #expect(stem == "attnview-20261201-101500-L3H7-sqrt")
    }
}
