/// A key table entry's place in the status bar: a word after its keys, and how early it goes.
struct KeyHint: Hashable, Sendable {
    /// The word after the keys, e.g. "d_k". Entries with the same word share one hint ("1 2 3 0 policy").
    let word: String
    /// Lower is kept first when the bar is short: 0 and 1 are always shown.
    let priority: Int

    init(_ word: String, priority: Int) {
        self.word = word
        self.priority = priority
    }
}
