import ArgumentParser
import AttentionCore
import Foundation

/// The statistics a table shows (`--columns` of `sweep` and `heads`): columns of the shared list
/// `AttentionStatistics.columns`, in the order asked, and whether the regime ends each line.
struct StatisticSelection {
    var columns: [StatisticColumn]
    var showsRegime: Bool

    /// Every statistic of the shared list, then the regime.
    static let all = StatisticSelection(columns: AttentionStatistics.columns, showsRegime: true)

    /// `--columns` names: every statistic's JSON key, and `regime`.
    static var names: [String] { AttentionStatistics.columns.map(\.key) + ["regime"] }

    /// The selection `names` (JSON keys or `regime`) ask for; the first unknown name is the error.
    static func parse(_ names: [String]) -> Result<StatisticSelection, UnknownColumn> {
        var selection = StatisticSelection(columns: [], showsRegime: false)
        for name in names {
            if name == "regime" {
                selection.showsRegime = true
            } else if let column = AttentionStatistics.columns.first(where: { $0.key == name }) {
                selection.columns.append(column)
            } else {
                return .failure(UnknownColumn(name: name))
            }
        }
        return .success(selection)
    }

    /// A `--columns` item that names no statistic.
    struct UnknownColumn: Error {
        let name: String

        /// The usage message, with the choices.
        var message: String {
            let choices = StatisticSelection.names.joined(separator: ", ")
            return "--columns item '\(name)' is not a statistic (choose from \(choices))"
        }
    }

    /// The `--columns` selection of a command printing `format` ("json" always prints everything).
    static func option(_ list: String?, isJSON: Bool) throws -> StatisticSelection {
        guard let list else { return .all }
        if isJSON { throw ValidationError("--columns applies to markdown and csv; json always has every statistic") }
        let names = list.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty) else {
            throw ValidationError("--columns '\(list)' has an empty item (write e.g. logit_std,regime)")
        }
        switch parse(names) {
        case .success(let selection): return selection
        case .failure(let unknown): throw ValidationError(unknown.message)
        }
    }
}
