import Foundation
import AttentionCore

/// The `attnview snapshot …` command that reproduces what the view shows, for snapshot headers.
enum SnapshotCommandLine {
    /// The command for `state` drawn at its size, with the display flags given at start-up.
    static func make(state: AppState, displayFlags: [String]) -> String {
        let params = state.params
        var words = ["attnview", "snapshot"]
        switch params.source {
        case let .files(q, k): words += ["--q", quoted(q), "--k", quoted(k)]
        case .generated:
            words += ["--n", "\(params.n)"]
            if params.m != params.n { words += ["--m", "\(params.m)"] }
        }
        words += ["--dk", "\(params.dk)"]
        if case .generated = params.source {
            words += ["--seed", "\(params.seed)"]
            if params.sigma != 1 { words += ["--sigma", "\(params.sigma)"] }
            if params.rho != 0 { words += ["--rho", "\(params.rho)"] }
        }
        switch params.scale {
        case .fixed(let value): words += ["--scale", "\(value)"]
        case .sqrtDk, .dk, .none:
            words += ["--scale", params.scale.name]
            if params.alpha != 1 { words += ["--alpha", "\(params.alpha)"] }
        }
        if params.causal { words.append("--causal") }
        words += ["--theme", quoted(state.themeName)]
        words += displayFlags
        words += ["--width", "\(state.width)", "--height", "\(state.height)", "--format", "text"]
        return words.joined(separator: " ")
    }

    /// `word` quoted for a POSIX shell when it holds anything but safe characters.
    static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
