/// The keys of the screen on show, as the app resolved them for its mode and its input source:
/// the status bar's hints, the help overlay's rows and the parameter panel's key column. The
/// renderer draws them and knows nothing of what they do or when they apply.
public struct ScreenKeys: Hashable, Sendable {
    /// A status-bar hint: the keys' labels, the word after them, and how early it is kept.
    public struct Hint: Hashable, Sendable {
        /// The labels, e.g. `["←", "→"]`; arrows are drawn side by side ("←→").
        public let keys: [String]
        public let word: String
        /// Lower is kept first when the bar is short: 0 and 1 are always shown.
        public let priority: Int

        public init(keys: [String], word: String, priority: Int) {
            self.keys = keys
            self.word = word
            self.priority = priority
        }

        /// The labels for a short line: arrows side by side ("←→"), other keys spaced ("n N").
        var compactKeys: String {
            var text = ""
            for (index, label) in keys.enumerated() {
                if index > 0 && !(Glyphs.isArrow(keys[index - 1]) && Glyphs.isArrow(label)) { text += " " }
                text += label
            }
            return text
        }
    }

    /// A help-overlay row: the keys as the help spells them ("← → h l") and what they do.
    public struct HelpRow: Hashable, Sendable {
        public let keys: String
        public let text: String

        public init(keys: String, text: String) {
            self.keys = keys
            self.text = text
        }
    }

    /// The status bar's hints, in the order they are drawn when the line has room.
    public var hints: [Hint]
    /// The help overlay's rows, in order.
    public var help: [HelpRow]
    /// The parameter panel's key column: key labels by the label of the panel line they change
    /// ("d_k", "divisor s", …).
    public var parameters: [String: [String]]

    public init(hints: [Hint], help: [HelpRow], parameters: [String: [String]]) {
        self.hints = hints
        self.help = help
        self.parameters = parameters
    }

    /// No keys at all: a screen drawn for a file, or a widget test.
    public static let none = ScreenKeys(hints: [], help: [], parameters: [:])

    /// The key column of the panel line labelled `label`, spelled in `glyphs`.
    func parameterKeys(_ label: String, glyphs: Glyphs) -> String {
        (parameters[label] ?? []).map { glyphs.arrow($0) }.joined(separator: " ")
    }
}
