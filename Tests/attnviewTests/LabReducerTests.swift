import AttentionCore
import Rendering
import Testing
import Training

@testable import attnview

/// The training lab's keys and its background progress, through the reducer alone.
@Suite struct LabReducerTests {
    static let start = AppState(
        params: AttentionParams(), themeName: "default", themeNames: ["default"], width: 120, height: 40)

    static func opened() -> (state: AppState, effects: [Effect]) {
        reduce(start, .openLab)
    }

    @Test func tOpensTheLabOnTheSettingsWhereTheDivisorsPartWaysAndStartsTraining() throws {
        let (state, effects) = Self.opened()
        let lab = try #require(state.lab)
        #expect(state.mode == .lab)
        #expect(lab.dk == 256 && lab.optimizer == .sgd && lab.learningRate == 4)
        let plan = lab.plan(scale: .sqrtDk, alpha: 1)
        #expect(effects == [.train(plan)])
        #expect(plan.runs.map(\.divisor) == [1, 16, 256, 16])
        #expect(KeyTable.standard.pressing(.character("T"), in: .view) == .openLab)
        #expect(lab.note.contains("saturates") && lab.note.contains("vanishes"))
    }

    @Test func aSettingKeyRestartsTheRunsAtOnceWithTheNewSetting() throws {
        let opened = Self.opened().state
        let (state, effects) = reduce(opened, .labDk(doublings: -1))
        let lab = try #require(state.lab)
        #expect(lab.dk == 128)
        #expect(lab.progress == nil)
        #expect(effects == [.train(lab.plan(scale: .sqrtDk, alpha: 1))])
        let faster = reduce(state, .labLearningRate(halfOctaves: 1)).state.lab
        #expect(faster?.learningRate == 4 * 2.0.squareRoot())
        let adam = reduce(state, .labOptimizer).state.lab
        #expect(adam?.optimizer == .adam && adam?.learningRate == 1.0 / 64)
        #expect(reduce(state, .labSeed).state.lab?.seed == 1)
    }

    @Test func theDivisorKeysChangeTheFourthRun() throws {
        let opened = Self.opened().state
        #expect(KeyTable.standard.pressing(.character("2"), in: .lab) == .choosePolicy(.dk))
        let (state, effects) = reduce(opened, .choosePolicy(.dk))
        let plan = try #require(state.lab).plan(scale: .dk, alpha: 1)
        #expect(plan.runs[3].divisor == 256)
        #expect(effects.contains(.train(plan)))
    }

    @Test func progressOfTheRunsOnScreenIsTakenAndStaleProgressDropped() throws {
        let opened = Self.opened().state
        let plan = try #require(opened.lab).plan(scale: .sqrtDk, alpha: 1)
        var runs = plan.runs.map { TrainingRun($0) }
        for index in runs.indices { runs[index].step() }
        let progress = LabProgress(plan: plan, records: runs.map(\.record), attention: runs.map(\.probeAttention))
        let taken = reduce(opened, .labProgress(progress)).state
        #expect(taken.lab?.progress == progress)
        #expect(taken.lab?.picture(scale: .sqrtDk, alpha: 1).step == 1)
        let moved = reduce(opened, .labDk(doublings: 1)).state
        #expect(reduce(moved, .labProgress(progress)).state.lab?.progress == nil)
    }

    @Test func spacePausesWithoutRestartingAndEscReturnsWhileQStillQuits() throws {
        let opened = Self.opened().state
        #expect(KeyTable.standard.pressing(.character(" "), in: .lab) == .labPause)
        let (paused, effects) = reduce(opened, .labPause)
        #expect(paused.lab?.paused == true)
        #expect(effects == [.pauseTraining(true)])
        #expect(KeyTable.standard.pressing(.escape, in: .lab) == .closeLab)
        let (closed, stopping) = reduce(paused, .closeLab)
        #expect(closed.lab == nil && closed.mode == .view)
        #expect(stopping == [.train(nil), .trainGrid(nil)])
        #expect(KeyTable.standard.pressing(.character("q"), in: .lab) == .quit)
        #expect(reduce(opened, .quit).effects.contains(.quit))
    }

    @Test func escClosesTheLabsHelpBeforeTheLab() {
        let helped = reduce(Self.opened().state, .toggleHelp).state
        #expect(helped.view.showHelp)
        let closed = reduce(helped, .closeLab).state
        #expect(closed.lab != nil && !closed.view.showHelp)
    }

    @Test func dkAndLearningRateStopAtTheirLimits() {
        var state = Self.opened().state
        for _ in 0..<3 { state = reduce(state, .labDk(doublings: 1)).state }
        #expect(state.lab?.dk == 1024)
        #expect(state.view.status.contains("from 4 to 1024"))
    }

    @Test func gTheGridStartsAndItsProgressFillsTheTables() throws {
        let (state, effects) = reduce(Self.opened().state, .labGrid)
        let lab = try #require(state.lab)
        #expect(effects == [.trainGrid(lab.gridPlan)])
        #expect(lab.gridPlan.grid.runs.count == 3 * 4 * 7)
        let progress = GridProgress(plan: lab.gridPlan, finalLosses: [0: 0.5, 1: .infinity])
        let filled = reduce(state, .gridProgress(progress)).state
        let grid = try #require(filled.lab?.picture(scale: .sqrtDk, alpha: 1).grid)
        #expect(grid.done == 2 && grid.total == 84)
        // Runs 0 and 1: d_k 16, s = 1, the first two rates.
        #expect(grid.finalLoss[0][0][0] == 0.5)
        #expect(grid.finalLoss[0][0][1] == .infinity)
        #expect(grid.finalLoss[1][0][0] == nil)
    }

    @Test func closingTheGridStopsItsRunsAndReopeningGoesOnFromTheRunsDone() throws {
        let opened = reduce(Self.opened().state, .labGrid).state
        let plan = try #require(opened.lab).gridPlan
        let done: [Int: Double] = Dictionary(uniqueKeysWithValues: (0..<7).map { ($0, 0.1) })
        let filled = reduce(opened, .gridProgress(GridProgress(plan: plan, finalLosses: done))).state
        let (closed, stopping) = reduce(filled, .labGrid)
        #expect(closed.lab?.gridOpen == false)
        #expect(stopping == [.trainGrid(nil)])
        let (reopened, resuming) = reduce(closed, .labGrid)
        #expect(reopened.lab?.gridProgress?.finalLosses == done)
        #expect(resuming == [.trainGrid(plan, done: done)])
    }

    @Test func escClosesTheGridBeforeTheLabAndStopsItsRuns() throws {
        let opened = reduce(Self.opened().state, .labGrid).state
        #expect(KeyTable.standard.pressing(.escape, in: .lab) == .closeLab)
        let (closed, stopping) = reduce(opened, .closeLab)
        #expect(closed.lab != nil && closed.lab?.gridOpen == false)
        #expect(stopping == [.trainGrid(nil)])
        let (left, stoppingAll) = reduce(closed, .closeLab)
        #expect(left.lab == nil)
        #expect(stoppingAll == [.train(nil), .trainGrid(nil)])
    }

    @Test func aNewSeedWhileTheGridIsOpenStartsTheNewGridFromScratch() throws {
        let opened = reduce(Self.opened().state, .labGrid).state
        let plan = try #require(opened.lab).gridPlan
        let filled = reduce(opened, .gridProgress(GridProgress(plan: plan, finalLosses: [0: 0.1]))).state
        let (seeded, effects) = reduce(filled, .labSeed)
        let lab = try #require(seeded.lab)
        #expect(lab.gridPlan != plan && lab.gridProgress == nil)
        #expect(effects == [.train(lab.plan(scale: .sqrtDk, alpha: 1)), .trainGrid(lab.gridPlan)])
    }

    @Test func sInTheLabSavesTheLabAndFChangesTheFormat() {
        #expect(KeyTable.standard.pressing(.character("s"), in: .lab) == .save(json: false))
        #expect(KeyTable.standard.pressing(.character("S"), in: .lab) == .save(json: true))
        #expect(KeyTable.standard.pressing(.character("f"), in: .lab) == .nextSnapshotFormat)
        #expect(reduce(Self.opened().state, .save(json: true)).effects == [.save(json: true)])
    }

    @Test func thePicturesStepIsTheRunsStepWhenOneDivergedEarly() {
        let run = { (steps: Int) in
            LabView.Run(
                name: "r", losses: Array(repeating: 1, count: steps), gradientNorms: [], verdict: "", attention: [],
                n: 4)
        }
        let picture = LabView(
            runs: [run(120), run(7), run(120), run(120)], steps: 250, settings: "", note: "", paused: false)
        #expect(picture.step == 120)
    }
}
