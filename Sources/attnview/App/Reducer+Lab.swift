import AttentionCore
import Foundation
import Rendering

/// The training lab's keys. Each setting key changes the lab's state only; `labWork` then sees
/// that the runs on screen are no longer the plan and asks for the new ones, at once.
func reducingLab(_ state: AppState, _ action: KeyAction) -> (state: AppState, effects: [Effect]) {
    var next = state
    if action == .openLab {
        next.lab = .opening
        next.view.status = ""
        return (next, [])
    }
    guard var lab = next.lab else { return (next, []) }
    switch action {
    case .closeLab:
        if next.view.showHelp {
            next.view.showHelp = false
            return (next, [])
        }
        if lab.gridOpen {
            lab.gridOpen = false
            next.lab = lab
            return (next, [])
        }
        next.lab = nil
        next.view.status = "left the lab"
        return (next, [])
    case .labDk(let doublings):
        let dk = doublings > 0 ? lab.dk << doublings : lab.dk >> -doublings
        guard LabState.dkRange.contains(dk) else {
            return refusing(
                next, "the lab's d_k goes from \(LabState.dkRange.lowerBound) to \(LabState.dkRange.upperBound)")
        }
        lab.dk = dk
    case .labLearningRate(let steps):
        let target = lab.learningRateHalfOctaves + steps
        guard LabState.learningRateRange.contains(target) else {
            return refusing(
                next, steps > 0 ? "the learning rate is at its largest" : "the learning rate is at its smallest")
        }
        lab.learningRateHalfOctaves = target
    case .labOptimizer:
        lab.optimizer = lab.optimizer == .sgd ? .adam : .sgd
        let rate = lab.optimizer.defaultLearningRate
        lab.learningRateHalfOctaves = Int((2 * log2(rate)).rounded())
    case .labSeed:
        lab.seed &+= 1
    case .labPause:
        lab.paused.toggle()
        next.lab = lab
        return (next, [.pauseTraining(lab.paused)])
    case .labGrid:
        lab.gridOpen.toggle()
    default:
        break
    }
    next.lab = lab
    return (next, [])
}

/// The background work a change of the lab needs: the runs of a new plan (unpaused), none when the
/// lab closes; the transfer grid when it opens on a plan it has not finished (from where it
/// stopped), and no grid once it closes.
func labWork(from state: AppState, to next: inout AppState) -> [Effect] {
    guard var lab = next.lab else {
        return state.lab == nil ? [] : [.train(nil), .trainGrid(nil)]
    }
    var effects: [Effect] = []
    let plan = lab.plan(scale: next.params.scale, alpha: next.params.alpha)
    let before = state.lab?.plan(scale: state.params.scale, alpha: state.params.alpha)
    if plan != before {
        lab.progress = nil
        if lab.paused {
            lab.paused = false
            effects.append(.pauseTraining(false))
        }
        effects.append(.train(plan))
        next.view.status = state.lab == nil ? "" : "restarted: \(lab.settingsLine)"
    }
    let grid = lab.gridPlan
    let wasRunning = state.lab.map { $0.gridOpen && $0.gridPlan == grid } ?? false
    if lab.gridOpen && !wasRunning {
        let kept = lab.gridProgress?.plan == grid ? lab.gridProgress : nil
        lab.gridProgress = kept
        let done = kept?.finalLosses ?? [:]
        if done.count < grid.grid.runs.count { effects.append(.trainGrid(grid, done: done)) }
    } else if !lab.gridOpen && state.lab?.gridOpen == true {
        effects.append(.trainGrid(nil))
    }
    next.lab = lab
    return effects
}

/// The lab's background work reporting: progress of the runs on screen is taken in, the rest dropped.
func receivingLab(_ state: AppState, _ outcome: Outcome) -> AppState {
    var next = state
    guard var lab = next.lab else { return next }
    switch outcome {
    case .labProgress(let progress)
    where progress.plan == lab.plan(scale: next.params.scale, alpha: next.params.alpha):
        lab.progress = progress
    case .gridProgress(let progress) where progress.plan == lab.gridPlan:
        lab.gridProgress = progress
    default:
        return next
    }
    next.lab = lab
    return next
}
