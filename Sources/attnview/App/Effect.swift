import AttentionCore

/// Work the reducer asks for and the event loop performs; each outcome comes back as an action.
enum Effect: Hashable, Sendable {
    /// Compute the result for these parameters. A failure comes back as `.revert`.
    case compute(AttentionParams)
    /// Recompute the divisor curve of the result on screen: needed when more than the divisor changed.
    /// A failure comes back as `.report`.
    case computeCurve
    /// Compute the standard-divisor twin of the result on screen (√d_k, alpha 1) for the split view
    /// of `b`: same inputs and d_k, so one softmax. A failure comes back as `.report`.
    case computeBaseline
    /// Load this theme and draw with it. A failure comes back as `.themeFailed`.
    case loadTheme(String)
    /// Save the screen as the state shows it now: a text snapshot, with `json` the JSON document too.
    /// The outcome comes back as `.saved` or `.saveFailed`.
    case save(json: Bool)
    /// Find the sharpest or flattest row of the result on screen. The outcome comes back as
    /// `.rowFound`, or `.report` when no row has two keys to choose from.
    case findRow(RowSharpness.Extreme)
    /// Run the model on a new text. Success comes back as `.textRan`, a failure as `.report` (the
    /// current text stays).
    case runText(String)
    /// Summarise every head of the model at the current parameters, for the heads grid.
    case computeGrid
    case quit

    /// Effects that only bring the picture up to date: they can wait until every pending key is
    /// read, so a held key computes once per frame.
    var catchesUp: Bool {
        switch self {
        case .compute, .computeCurve, .computeBaseline, .loadTheme, .computeGrid: true
        case .save, .findRow, .quit, .runText: false
        }
    }

    /// `effects` (all `catchesUp`) with the superseded ones left out: the last compute, one curve
    /// and one baseline after it, the last theme.
    static func coalesced(_ effects: [Effect]) -> [Effect] {
        var compute: Effect?
        var curve = false
        var baseline = false
        var theme: Effect?
        var grid = false
        for effect in effects {
            switch effect {
            case .compute: compute = effect
            case .computeCurve: curve = true
            case .computeBaseline: baseline = true
            case .loadTheme: theme = effect
            case .computeGrid: grid = true
            case .save, .findRow, .quit, .runText:
                preconditionFailure("\(effect) does not wait; perform it where it is asked for")
            }
        }
        return [
            compute, curve ? .computeCurve : nil, baseline ? .computeBaseline : nil, theme, grid ? .computeGrid : nil,
        ]
        .compactMap { $0 }
    }
}
