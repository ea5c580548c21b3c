import AttentionCore
import Rendering

/// The whole interactive UI as one value: what to compute and how to show it. Only `reduce`
/// changes it; the work a change needs comes out of `reduce` as effects.
struct AppState: Equatable, Sendable {
    /// The model on screen; always valid by the time it reaches the engine.
    var params: AttentionParams
    /// What the renderer shows besides the numbers (heatmap mode, row, help, status, play).
    var view: ViewState
    /// The theme in use: a name from `themeNames` or a path given with `--theme`.
    var themeName: String
    /// The themes `t` cycles through.
    var themeNames: [String]
    /// The d_k values the inputs allow (file inputs: at most the files' width).
    var dkRange: ClosedRange<Int>
    /// Terminal size in cells.
    var width: Int
    var height: Int
    /// Direction of the play animation: +1 raises the divisor, -1 lowers it.
    var playDirection: Int = 1
    /// What `s` and `S` save the picture as (`--snapshot-format`, `f`).
    var snapshotFormat: SnapshotFormat = .text
    /// Model mode: `z` shows one row per token.
    var zoomed = false
    /// Model mode: the heads grid's cursor while the grid is open (nil: closed).
    var gridCursor: HeadRef?
    /// Model mode: the open grid's numbers, once the event loop computed them (nil: pending or closed).
    var gridValues: HeadsGridValues?
    /// Model mode: what colours the grid's heads (`s` `S`) and how they are ordered (`r`); kept
    /// while the grid is closed.
    var gridStatistic = GridStatistic.pictures
    var gridOrder = GridOrder.layers
    /// Model mode: a ranking was asked for before the grid's numbers came: the cursor goes to the first
    /// head when they do.
    var gridCursorToFirst = false
    /// Model mode: the key token of the pair `query → key` (`J` `K`); nil: none.
    var keyToken: Int?
    /// Model mode: `A`, every head of every layer divides by the same multiple of its trained
    /// divisor, and the encoder runs with it.
    var everywhere = false
    /// Model mode: the text editor while it is open (nil: closed).
    var editor: LineEditor?
    /// The training lab while it is open (nil: closed).
    var lab: LabState?
    /// The start: `params` as computed, the default view.
    init(
        params: AttentionParams, view: ViewState = ViewState(), themeName: String, themeNames: [String],
        dkRange: ClosedRange<Int> = Limits.dk, width: Int, height: Int
    ) {
        self.params = params
        self.view = view
        self.themeName = themeName
        self.themeNames = themeNames
        self.dkRange = dkRange
        self.width = width
        self.height = height
    }

    /// What the loop does before the first frame: the result is computed already (bad input fails
    /// before the screen changes); the theme and the divisor curve are not.
    var startingRefreshes: [Refresh] {
        [.theme(themeName), .curve]
    }

    /// Below the renderer's minimum the screen says "terminal too small" instead of the picture.
    var isTooSmall: Bool {
        width < ScreenRenderer.minimumWidth || height < ScreenRenderer.minimumHeight
    }

    /// Q and K are handed in (files, a model): token counts, seed and rho cannot change.
    var usesFiles: Bool {
        !params.source.describing.isGenerated
    }

    /// Where handed-in Q and K come from, for the status line: "files" or "the model".
    var inputsOrigin: String {
        params.source.describing.origin
    }

    /// The model head on screen, nil for generated and file inputs.
    var modelHead: ModelHead? {
        if case .model(let head) = params.source { return head }
        return nil
    }

    /// `A`'s multiplier of every trained divisor: the divisor the parameters give at the full d_head,
    /// over √d_head (alpha for the √d_k policy); nil while `A` is off or without a model.
    var everywhereFactor: Double? {
        guard everywhere, let head = modelHead, head.shape.headWidth > 0 else { return nil }
        var full = params
        full.dk = head.shape.headWidth
        return full.divisor / Double(head.shape.headWidth).squareRoot()
    }

    /// The open grid as the reducer and the renderer see it (nil while closed).
    var grid: HeadsGrid? {
        gridCursor.map { HeadsGrid(cursor: $0, values: gridValues, statistic: gridStatistic, order: gridOrder) }
    }

    /// Which keys apply now: none but `q` on a screen too small to draw, else the editor's, the
    /// grid's, or the picture's (with help, split by `b`, or alone).
    var mode: InputMode {
        if isTooSmall { return .tooSmall }
        if lab != nil { return .lab }
        if editor != nil { return .editor }
        if gridCursor != nil { return .grid }
        return view.showHelp ? .help : view.comparing ? .compare : .view
    }
}
