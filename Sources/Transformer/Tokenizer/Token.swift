/// One token of an encoded text: the vocabulary entry and its id, the row of the embedding table.
public struct Token: Hashable, Sendable {
    /// The token as the tokenizer writes it: `the`, `##ing`, `[CLS]`, `[UNK]`.
    public let text: String
    /// The token's line in `vocab.txt`, counted from 0.
    public let id: Int

    public init(text: String, id: Int) {
        self.text = text
        self.id = id
    }
}
