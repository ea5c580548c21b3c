import AttentionCore

/// Work the reducer asks for and the event loop performs; each outcome comes back as an `Outcome`.
/// Work that only brings the picture up to date (`refresh`) may wait and merge; the rest is done
/// at once, in order, since its outcome belongs to the moment it was asked for.
enum Effect: Hashable, Sendable {
    /// Bring the picture up to date; may wait until every pending key is read.
    case refresh(Refresh)
    /// Save the screen as the state shows it now: a text snapshot, with `json` the JSON document too.
    /// The outcome comes back as `.saved` or `.saveFailed`.
    case save(json: Bool)
    /// Find the sharpest or flattest row of the result on screen. The outcome comes back as
    /// `.rowFound`, or `.report` when no row has two keys to choose from.
    case findRow(RowSharpness.Extreme)
    /// Run the model on a new text. Success comes back as `.textRan`, a failure as `.report` (the
    /// current text stays).
    case runText(String)
    /// Train these lab runs in the background, abandoning the ones before (nil: stop training).
    /// Progress comes back as `.labProgress`.
    case train(LabPlan?)
    /// Pause or resume the lab's training.
    case pauseTraining(Bool)
    /// Run this transfer grid in the background after its runs `done` (nil: stop it); progress
    /// comes back as `.gridProgress`.
    case trainGrid(GridPlan?, done: [Int: Double] = [:])
    case quit
}

/// Work that only brings the picture up to date: it can wait until every pending key is read, and
/// a later one supersedes an earlier one, so a held key computes once per frame.
enum Refresh: Hashable, Sendable {
    /// Compute the result for these parameters. A failure comes back as `.revert`.
    case compute(AttentionParams)
    /// Recompute the divisor curve of the result on screen: needed when more than the divisor changed.
    /// A failure comes back as `.report`.
    case curve
    /// Compute the standard-divisor twin of the result on screen (√d_k, alpha 1) for the split view
    /// of `b`: same inputs and d_k, so one softmax. A failure comes back as `.report`.
    case baseline
    /// Load this theme and draw with it. A failure comes back as `.themeFailed`.
    case theme(String)
    /// Summarise every head of the model at the current parameters, for the heads grid (and the
    /// pair's weight in each). The outcome comes back as `.gridComputed`.
    case grid
    /// Run the encoder with every head's trained divisor times this factor (nil: as trained) and
    /// show its heads; comes before a compute, which then reads the new Q and K.
    case encoder(factor: Double?)

    /// `refreshes` with the superseded ones left out, in the order they must run: the last encoder
    /// run, the last compute, one curve and one baseline after it, the last theme, one grid.
    static func coalesced(_ refreshes: [Refresh]) -> [Refresh] {
        var encoder: Refresh?
        var compute: Refresh?
        var theme: Refresh?
        var asked = Set<Refresh>()
        for refresh in refreshes {
            switch refresh {
            case .encoder: encoder = refresh
            case .compute: compute = refresh
            case .theme: theme = refresh
            case .curve, .baseline, .grid: asked.insert(refresh)
            }
        }
        let once: [Refresh] = [.curve, .baseline].filter(asked.contains)
        return [encoder, compute].compactMap { $0 } + once + [theme].compactMap { $0 }
            + (asked.contains(.grid) ? [.grid] : [])
    }
}
