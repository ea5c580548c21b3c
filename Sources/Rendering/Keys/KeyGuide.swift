/// The display side of the app's whole key table, handed to the renderer: the help overlay, the
/// status-bar hints and the parameter panel's key column are all drawn from it.
public struct KeyGuide: Hashable, Sendable {
    /// Every entry, in the table's order.
    public let entries: [KeyHelp]

    public init(_ entries: [KeyHelp]) {
        self.entries = entries
    }

    /// The entries that apply in `mode` (to a model's picture with `model`), in the table's order.
    public func entries(in mode: InputMode, model: Bool = false) -> [KeyHelp] {
        entries.filter { $0.modes.contains(mode) && $0.scope.applies(model: model) }
    }

    /// The status bar's hints in `mode`, in table order: entries with the same word share one hint.
    func hints(in mode: InputMode, model: Bool = false) -> [(keys: String, word: String, priority: Int)] {
        var hints: [(keys: [String], word: String, priority: Int)] = []
        for entry in entries(in: mode, model: model) {
            guard let hint = entry.hint else { continue }
            if let index = hints.firstIndex(where: { $0.word == hint.word }) {
                hints[index].keys += entry.keys
            } else {
                hints.append((entry.keys, hint.word, hint.priority))
            }
        }
        return hints.map { (Self.compact($0.keys), $0.word, $0.priority) }
    }

    /// The key column of a parameter row in `mode`: the keys of every entry that changes it.
    func keys(for row: ParameterRow, in mode: InputMode, model: Bool = false, glyphs: Glyphs) -> String {
        entries(in: mode, model: model).filter { $0.parameters.contains(row) }.flatMap(\.keys).map { glyphs.arrow($0) }
            .joined(separator: " ")
    }

    /// Labels for a short line: arrows side by side ("←→"), other keys spaced ("n N").
    static func compact(_ labels: [String]) -> String {
        var text = ""
        for (index, label) in labels.enumerated() {
            if index > 0 && !(Glyphs.isArrow(labels[index - 1]) && Glyphs.isArrow(label)) { text += " " }
            text += label
        }
        return text
    }
}
