import AttentionCore
import Rendering

/// The interactive view's loop: read every pending key → reduce each → perform the effects →
/// draw once. Effects that only bring the picture up to date wait until the keys are read, so
/// holding a key computes and draws once per batch and the screen never falls behind.
struct EventLoop {
    /// How long play waits for a key before its next step.
    static let playStepMilliseconds: Int32 = 80
    /// How long the lab waits for a key while it trains before drawing the runs' progress (25 fps).
    static let labFrameMilliseconds: Int32 = 40

    private let backend: NCursesBackend
    private let keys: KeyTable
    private var effects: EffectRunner
    private var state: AppState
    private var waiting: [Refresh] = []
    private let timing = TimingLog()

    init(backend: NCursesBackend, effects: EffectRunner, state: AppState, keys: KeyTable = .standard) {
        self.backend = backend
        self.effects = effects
        self.state = state
        self.keys = keys
    }

    /// Runs until the user quits or stdin ends.
    mutating func run() {
        waiting = state.startingRefreshes
        var pressed = 0
        // Effects done while the keys are read (a new text's encoder run) count towards the frame.
        var keysTime = Duration.zero
        while true {
            var going = true
            let computeTime = ContinuousClock().measure { going = catchUp() }
            guard going else { return }
            draw(keys: pressed, computeTime: keysTime + computeTime)
            guard let input = backend.readKeys(waitMilliseconds: waitMilliseconds) else { return }
            pressed = input.count
            if input.isEmpty && state.view.playing { guard dispatch(.outcome(.tick)) else { return } }
            keysTime = ContinuousClock().measure {
                for key in input {
                    going = dispatch(keys.action(for: key, in: state.mode))
                    if !going { break }
                }
            }
            guard going else { return }
            // The lab's training runs on its own thread: what it published since the last frame.
            for outcome in effects.trainingProgress() {
                guard dispatch(.outcome(outcome)) else { return }
            }
        }
    }

    /// How long to wait for a key: play's step, the lab's frame while it trains, else for ever.
    private var waitMilliseconds: Int32? {
        if state.view.playing { return Self.playStepMilliseconds }
        return state.lab?.isBusy == true ? Self.labFrameMilliseconds : nil
    }

    /// Reduces `action` and performs its effects (outcomes go round again); false to quit.
    private mutating func dispatch(_ action: Action) -> Bool {
        let (next, asked) = reduce(state, action)
        state = next
        for effect in asked {
            if effect == .quit { return false }
            if case .refresh(let refresh) = effect {
                waiting.append(refresh)
                continue
            }
            // A save shows the picture as it is at this key: bring it up to date first.
            guard catchUp() else { return false }
            for outcome in effects.perform(effect, state: state) {
                guard dispatch(.outcome(outcome)) else { return false }
            }
        }
        return true
    }

    /// Performs the waiting effects, the superseded ones left out; false to quit.
    private mutating func catchUp() -> Bool {
        while !waiting.isEmpty {
            let work = Refresh.coalesced(waiting)
            waiting = []
            for refresh in work {
                for outcome in effects.perform(.refresh(refresh), state: state) {
                    guard dispatch(.outcome(outcome)) else { return false }
                }
            }
        }
        return true
    }

    private func draw(keys: Int, computeTime: Duration) {
        let clock = ContinuousClock()
        var frame = Frame(width: 0, height: 0)
        let renderTime = clock.measure { frame = effects.frame(for: state) }
        let presentTime = clock.measure { backend.present(frame) }
        timing?.record(
            keys: keys, dk: state.params.dk, n: state.params.n, compute: computeTime, render: renderTime,
            present: presentTime)
    }
}
