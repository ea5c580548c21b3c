import ArgumentParser

/// How `sweep` and `heads` print their rows: the format, and which statistics a table shows.
struct TableOutputOptions: ParsableArguments {
    /// The three documented output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case markdown, csv, json
    }

    @Option(help: "Output format: markdown, csv or json.")
    var format: Format = .markdown

    @Option(
        help: ArgumentHelp(
            "Comma-separated statistics (JSON names, or regime) for markdown and csv; default all.",
            valueName: "list"))
    var columns: String?

    /// Refuses an unknown `--columns` item, or `--columns` with JSON, before any work is done.
    func validate() throws {
        _ = try selection(default: .all)
    }

    /// The `--columns` selection, or `fallback` without it; a usage error names a bad item.
    func selection(default fallback: StatisticSelection) throws -> StatisticSelection {
        guard columns != nil else { return fallback }
        return try StatisticSelection.option(columns, isJSON: format == .json)
    }

    /// The table as the chosen text format; nil for JSON, which each command writes itself.
    func text(of table: StatisticsTable) -> String? {
        switch format {
        case .markdown: table.markdown
        case .csv: table.csv
        case .json: nil
        }
    }
}
