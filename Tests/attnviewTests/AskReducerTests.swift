import AttentionCore
import Rendering
import TensorFiles
import Testing

@testable import attnview

/// Issue 20's keys in the model view: the pair's key token (`J` `K`), the grid's statistic (`s` `S`)
/// and order (`r`), and the divisor everywhere (`A`).
@Suite struct AskReducerTests {
    static let start: AppState = {
        var state = ModelReducerTests.start()
        var labels = ModelReducerTests.labels
        labels.shape.headWidth = 32
        state.params.source = .model(labels)
        return state
    }()

    /// A 6 × 12 grid whose head (l, h) has max weight (l·12 + h) / 100 and the pair weight 1 − that.
    static func values(pair: Bool) -> HeadsGridValues {
        let summaries = (0..<6).map { layer in
            (0..<12).map { head in
                let value = Double(layer * 12 + head) / 100
                return HeadSummary(
                    entropyNormalizedMean: 0.9 - value, maxWeightMean: value, regime: .balanced,
                    thumbnail: Matrix(rows: 1, cols: 1, values: [1]))
            }
        }
        let weights = pair ? (0..<6).map { layer in (0..<12).map { 1 - Double(layer * 12 + $0) / 100 } } : nil
        return HeadsGridValues(summaries: summaries, divisor: 5.657, pairWeights: weights)
    }

    @Test func keyTokenStepsThroughTheTokensAndBackToNone() {
        var state = Self.start
        state.view.selectedRow = 3
        let first = reduce(state, .stepKeyToken(1)).state
        #expect(first.keyToken == 0)
        #expect(ModelReducerTests.applying([.stepKeyToken(1), .stepKeyToken(1)], to: state).keyToken == 1)
        let last = reduce(state, .stepKeyToken(-1)).state
        #expect(last.keyToken == 4, "K from none: the last token")
        let none = reduce(last, .stepKeyToken(1)).state
        #expect(none.keyToken == nil && none.view.status.contains("no key token"))
        #expect(reduce(first, .stepKeyToken(1)).effects.isEmpty, "the pair is a label: nothing to compute")
        var labels = ModelReducerTests.labels
        labels.shape.tokens.append("down")
        #expect(reduce(first, .textRan(labels)).state.keyToken == nil, "a new text's tokens: the pair goes")
    }

    @Test func keyTokenKeysNeedAModel() {
        var plain = Self.start
        plain.params.source = .generated
        #expect(reduce(plain, .stepKeyToken(1)).state.keyToken == nil)
        #expect(reduce(plain, .toggleEverywhere).state.everywhere == false)
        #expect(KeyTable.standard.pressing(.character("J"), in: .view) == .stepKeyToken(1))
        #expect(KeyTable.standard.pressing(.character("K"), in: .view) == .stepKeyToken(-1))
        #expect(KeyTable.standard.pressing(.character("A"), in: .view) == .toggleEverywhere)
        #expect(KeyTable.standard.pressing(.character("s"), in: .grid) == .stepGridStatistic(1))
        #expect(KeyTable.standard.pressing(.character("S"), in: .grid) == .stepGridStatistic(-1))
        #expect(KeyTable.standard.pressing(.character("r"), in: .grid) == .nextGridOrder)
    }

    /// The grid keeps its numbers once computed; a ranked order puts the cursor on the first head, so
    /// Enter opens the best; the arrows walk the ranking.
    @Test func rankingTheGridPutsTheCursorOnTheBestAndEnterOpensIt() throws {
        var state = reduce(Self.start, .stepKeyToken(1)).state
        state = reduce(state, .toggleGrid).state
        #expect(reduce(state, .toggleGrid).effects.isEmpty)
        state = reduce(state, .gridComputed(Self.values(pair: true))).state
        #expect(state.gridValues == Self.values(pair: true))
        state = ModelReducerTests.applying([.stepGridStatistic(1), .stepGridStatistic(1)], to: state)
        #expect(state.gridStatistic == .maxWeight)
        state = reduce(state, .nextGridOrder).state
        #expect(state.gridOrder == .descending)
        #expect(state.gridCursor == HeadRef(layer: 5, head: 11), "the largest max weight first")
        #expect(
            state.view.status.contains("L5 H11")
                && state.view.status.contains("heads --sort max_weight_mean --descending"))
        state = reduce(state, .moveGridCursor(layers: 0, heads: 1)).state
        #expect(state.gridCursor == HeadRef(layer: 5, head: 10), "→ goes to the next in rank")
        state = reduce(state, .moveGridCursor(layers: 1, heads: 0)).state
        #expect(state.gridCursor == HeadRef(layer: 4, head: 10), "↓ goes a row of 12 down the ranking")
        state = reduce(state, .stepGridStatistic(1)).state
        #expect(state.gridStatistic == .weightFromTo && state.gridCursor == HeadRef(layer: 0, head: 0))
        let opened = reduce(state, .openGridHead)
        #expect(opened.state.gridCursor == nil && ModelReducerTests.shown(opened.state)! == (0, 0))
        state = reduce(state, .nextGridOrder).state
        #expect(state.gridOrder == .ascending && state.gridCursor == HeadRef(layer: 5, head: 11))
        state = reduce(state, .nextGridOrder).state
        #expect(state.gridOrder == .layers)
        state = reduce(state, .moveGridCursor(layers: -1, heads: 0)).state
        #expect(state.gridCursor == HeadRef(layer: 4, head: 11), "layer × head: the arrows move in the grid")
        let closed = reduce(state, .toggleGrid).state
        #expect(closed.gridValues == nil && closed.gridStatistic == .weightFromTo, "the statistic is kept")
    }

    /// Keys typed before the grid's numbers arrive (`g s s r` at once): the cursor goes to the first
    /// head when they come, and a later divisor change leaves it where it is.
    @Test func aRankingAskedForBeforeTheNumbersLandsOnTheFirstHead() {
        var state = ModelReducerTests.applying(
            [.toggleGrid, .stepGridStatistic(1), .stepGridStatistic(1), .nextGridOrder], to: Self.start)
        #expect(state.gridCursor == HeadRef(layer: 0, head: 0) && state.gridCursorToFirst)
        state = reduce(state, .gridComputed(Self.values(pair: false))).state
        #expect(state.gridCursor == HeadRef(layer: 5, head: 11) && !state.gridCursorToFirst)
        state = reduce(state, .moveGridCursor(layers: 0, heads: 1)).state
        state = reduce(state, .gridComputed(Self.values(pair: false))).state
        #expect(state.gridCursor == HeadRef(layer: 5, head: 10), "new numbers keep the cursor's head")
    }

    @Test func theWeightFromToNeedsAKeyToken() {
        var state = reduce(Self.start, .toggleGrid).state
        state = reduce(state, .gridComputed(Self.values(pair: false))).state
        state = ModelReducerTests.applying([.stepGridStatistic(1), .stepGridStatistic(1)], to: state)
        state = reduce(state, .stepGridStatistic(1)).state
        #expect(state.gridStatistic == .gradMedian, "skipped without a pair")
        #expect(state.view.status.contains("needs a key token"))
        #expect(reduce(state, .stepGridStatistic(-1)).state.gridStatistic == .maxWeight)
        #expect(GridStatistic.pictures.stepped(-1) == .unsafeFP16)
    }

    /// The grid's rank order is `heads --sort`'s: `HeadRanking` over the same statistics column.
    @Test func theGridsRankingIsTheHeadsCommandsOrder() {
        let values = Self.values(pair: true)
        for statistic in GridStatistic.allCases {
            for order in [GridOrder.descending, .ascending] {
                let grid = HeadsGrid(
                    cursor: HeadRef(layer: 0, head: 0), values: values, statistic: statistic, order: order)
                let refs = (0..<6).flatMap { layer in (0..<12).map { HeadRef(layer: layer, head: $0) } }
                let column: [Double?] = refs.map { ref in
                    statistic == .weightFromTo
                        ? values.pairWeights?[ref.layer][ref.head]
                        : AttentionStatistics.columns.first { $0.key == statistic.column }?.value(
                            values.summaries[ref.layer][ref.head].stats)
                }
                let expected = HeadRanking.order(column, descending: order == .descending).map { refs[$0] }
                #expect(grid.ranking == expected, "\(statistic) \(order)")
            }
        }
        let layered = HeadsGrid(cursor: HeadRef(layer: 0, head: 0), values: values)
        #expect(
            layered.ranking.first == HeadRef(layer: 0, head: 0) && layered.ranking[12] == HeadRef(layer: 1, head: 0))
    }

    /// `A` runs the encoder again (before the compute that reads its heads) whenever the divisor change
    /// moves, and not for a head change; the factor is the change at the full d_head.
    @Test func theDivisorEverywhereRerunsTheEncoderWhenTheDivisorMoves() throws {
        let on = reduce(Self.start, .toggleEverywhere)
        #expect(on.state.everywhere && on.state.everywhereFactor == 1)
        #expect(on.effects == refreshing(.encoder(factor: 1), .compute(on.state.params), .curve))
        let up = reduce(on.state, .nudgeDivisor(quarterOctaves: 4))
        let factor = try #require(up.state.everywhereFactor)
        #expect(abs(factor - 2) < 1e-12)
        #expect(up.effects == refreshing(.encoder(factor: factor), .compute(up.state.params), .curve))
        let head = reduce(up.state, .stepHead(1))
        #expect(head.effects == refreshing(.compute(head.state.params), .curve), "a head: no encoder run")
        let none = reduce(up.state, .choosePolicy(.none)).state
        #expect(abs(none.everywhereFactor! - 1 / 32.0.squareRoot()) < 1e-12, "s = 1 is 1/√32 of √d_head")
        let off = reduce(up.state, .toggleEverywhere)
        #expect(off.state.everywhereFactor == nil)
        #expect(off.effects == refreshing(.encoder(factor: nil), .compute(off.state.params), .curve))
        #expect(reduce(up.state, .save(json: false)).effects.isEmpty, "a snapshot could not replay it")
        #expect(
            Refresh.coalesced([.compute(AttentionParams()), .encoder(factor: 2), .encoder(factor: 3)]).first
                == .encoder(factor: 3))
    }
}
