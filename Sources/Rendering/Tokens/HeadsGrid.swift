import AttentionCore

/// The open heads grid: a cursor, the statistic that colours and numbers the heads, their order,
/// and the values once computed (nil while they are pending).
public struct HeadsGrid: Equatable, Sendable {
    /// The head the cursor is on (Enter shows it).
    public var cursor: HeadRef
    /// Every head's summary (and weight from→to) at one divisor; nil while pending.
    public var values: HeadsGridValues?
    /// What colours and numbers each head (`s` `S` cycle it).
    public var statistic: GridStatistic
    /// Layer × head, or ranked by the statistic (`r`).
    public var order: GridOrder
    /// The query → key pair of `weight from→to`, e.g. "it (9) → animal (2)"; nil without a key token.
    public var pair: String?

    /// A grid whose cursor starts on `cursor`.
    public init(
        cursor: HeadRef, values: HeadsGridValues? = nil, statistic: GridStatistic = .pictures,
        order: GridOrder = .layers, pair: String? = nil
    ) {
        self.cursor = cursor
        self.values = values
        self.statistic = statistic
        self.order = order
        self.pair = pair
    }

    /// A grid of plain summaries at `divisor` (pictures, layer × head).
    public init(cursor: HeadRef, summaries: [[HeadSummary]]?, divisor: Double? = nil) {
        self.init(cursor: cursor, values: summaries.map { HeadsGridValues(summaries: $0, divisor: divisor) })
    }

    /// The summaries, nil while pending.
    public var summaries: [[HeadSummary]]? { values?.summaries }

    /// The divisor the values are at.
    public var divisor: Double? { values?.divisor }

    /// The heads in the order the grid lays them out: layer × head, or `HeadRanking`'s order of the
    /// statistic (the order of `attnview heads --sort COLUMN [--descending]`). Empty while pending.
    public var ranking: [HeadRef] {
        guard let values else { return [] }
        let refs = values.summaries.indices.flatMap { layer in
            values.summaries[layer].indices.map { HeadRef(layer: layer, head: $0) }
        }
        guard order != .layers else { return refs }
        return HeadRanking.order(refs.map { values.value(statistic, of: $0) }, descending: order == .descending)
            .map { refs[$0] }
    }

    /// The cursor's head's place in `ranking` (0-based), nil while pending.
    public var cursorRank: Int? { ranking.firstIndex(of: cursor) }
}

/// The numbers behind the grid, computed by the event loop for one set of parameters.
public struct HeadsGridValues: Hashable, Sendable {
    /// `summaries[layer][head]`.
    public var summaries: [[HeadSummary]]
    /// The divisor s they were computed at (nil: not said).
    public var divisor: Double?
    /// `pairWeights[layer][head]`: the weight the pair's query gives its key; nil without a pair.
    public var pairWeights: [[Double]]?

    /// Values of `summaries` at `divisor`, with the pair's weights when there is a pair.
    public init(summaries: [[HeadSummary]], divisor: Double?, pairWeights: [[Double]]? = nil) {
        self.summaries = summaries
        self.divisor = divisor
        self.pairWeights = pairWeights
    }

    /// Hashes the divisor and the shape only (equal values hash alike; that is all `Hashable` asks).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(divisor)
        hasher.combine(summaries.count)
        hasher.combine(pairWeights)
    }

    /// Head `ref`'s value of `statistic`; nil for a head whose values are not finite, or for the
    /// weight from→to without a pair.
    public func value(_ statistic: GridStatistic, of ref: HeadRef) -> Double? {
        guard let summary = summaries[safe: ref.layer]?[safe: ref.head], summary.isFinite else { return nil }
        if statistic == .weightFromTo { return pairWeights?[safe: ref.layer]?[safe: ref.head] }
        return AttentionStatistics.columns.first { $0.key == statistic.column }?.value(summary.stats)
    }

    /// The top of the colour scale of `statistic`: 1 for weights and fractions, the largest value
    /// over the heads for a gradient (at least a tiny positive number).
    public func scaleTop(_ statistic: GridStatistic) -> Double {
        guard statistic == .gradMedian || statistic == .gradMax else { return 1 }
        let all = summaries.indices.flatMap { layer in
            summaries[layer].indices.compactMap { value(statistic, of: HeadRef(layer: layer, head: $0)) }
        }
        return max(all.max() ?? 0, 1e-12)
    }
}

/// What the heads grid colours and numbers each head by.
public enum GridStatistic: CaseIterable, Hashable, Sendable {
    /// Each head's own weights, a thumbnail scaled to its largest, over H / ln m and the regime.
    case pictures
    case entropy, maxWeight, weightFromTo, gradMedian, gradMax, unsafeFP16

    /// The `attnview heads` column (JSON name) of the same number: `--sort` orders by it.
    public var column: String {
        switch self {
        case .pictures, .entropy: "entropy_normalized_mean"
        case .maxWeight: "max_weight_mean"
        case .weightFromTo: "weight_from_to"
        case .gradMedian: "score_grad_median"
        case .gradMax: "score_grad_max"
        case .unsafeFP16: "unsafe_rows_fp16"
        }
    }

    /// The name the grid's legend and the status line give it.
    public var name: String {
        switch self {
        case .pictures: "pictures"
        case .entropy: "H / ln m"
        case .maxWeight: "mean max weight"
        case .weightFromTo: "weight from→to"
        case .gradMedian: "grad median"
        case .gradMax: "grad max"
        case .unsafeFP16: "fp16 unsafe rows"
        }
    }

    /// The next statistic in `direction` (+1 or -1), wrapping.
    public func stepped(_ direction: Int) -> GridStatistic {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + direction) % all.count + all.count) % all.count]
    }
}

/// How the grid lays the heads out.
public enum GridOrder: CaseIterable, Hashable, Sendable {
    /// Layers down, heads across.
    case layers
    /// By the statistic, largest first, then smallest first (`heads --sort … [--descending]`).
    case descending, ascending

    /// The next order of `r`.
    public var next: GridOrder {
        switch self {
        case .layers: .descending
        case .descending: .ascending
        case .ascending: .layers
        }
    }
}
