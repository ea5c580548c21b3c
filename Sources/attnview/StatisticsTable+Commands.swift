import AttentionCore

extension StatisticsTable {
    /// `attnview sweep`'s table: the grid's coordinates (d_k, scale, divisor, trials), then the
    /// statistics (`AttentionStatistics.columns`, the list every output shares; docs/statistics.md).
    static func sweep(_ rows: [SweepRow], selection: StatisticSelection = .all) -> StatisticsTable {
        StatisticsTable(
            coordinates: [
                Coordinate(title: "d_k", key: "dk"), Coordinate(title: "scale", key: "scale", isText: true),
                Coordinate(title: "divisor", key: "divisor"), Coordinate(title: "trials", key: "trials"),
            ],
            rows: rows.map { row in
                Row(
                    // The divisor is a number like any other cell: 4 digits in Markdown, exact in CSV.
                    coordinates: { number in ["\(row.dk)", row.scale.name, number(row.divisor), "\(row.trials)"] },
                    stats: row.stats)
            },
            selection: selection)
    }

    /// `attnview heads`' table: layer and head first, as `sweep` lays out its grid. By default the
    /// shared list without the iid theory's std, which never applies to a model's heads. With `pair`
    /// (`--from --to`), the weight from one token to another follows the divisor, titled by the tokens.
    static func heads(
        _ rows: [HeadRow], selection: StatisticSelection = .headsDefault,
        pair: (title: String, weights: [Double])? = nil
    ) -> StatisticsTable {
        var coordinates = [
            Coordinate(title: "layer", key: "layer"), Coordinate(title: "head", key: "head"),
            Coordinate(title: "d_k", key: "dk"), Coordinate(title: "scale", key: "scale", isText: true),
            Coordinate(title: "divisor", key: "divisor"),
        ]
        if let pair { coordinates.append(Coordinate(title: pair.title, key: "weight_from_to")) }
        return StatisticsTable(
            coordinates: coordinates,
            rows: rows.enumerated().map { index, row in
                Row(
                    coordinates: { number in
                        ["\(row.layer)", "\(row.head)", "\(row.dk)", row.scale.name, number(row.divisor)]
                            + (pair.map { [number($0.weights[index])] } ?? [])
                    },
                    stats: row.stats)
            },
            selection: selection)
    }
}

extension StatisticSelection {
    /// What `heads` shows without `--columns`: every statistic but the iid theory's logit std.
    static let headsDefault = StatisticSelection(
        columns: AttentionStatistics.columns.filter { $0.key != "logit_std_expected" }, showsRegime: true)
}
