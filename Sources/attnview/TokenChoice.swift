import ArgumentParser

/// A token named on the command line (`--from`, `--to`): its index in the text, or its text. Text matches
/// a token exactly, else ignoring case; a text that matches no token or several is a usage error that
/// lists the candidates with their indices, so the user can give the index instead.
enum TokenChoice {
    /// The index `value` names among `tokens`; `flag` names the option in errors.
    static func index(of value: String, in tokens: [String], flag: String) throws -> Int {
        if let index = Int(value) {
            guard tokens.indices.contains(index) else {
                throw ValidationError(
                    "\(flag) \(index) is out of range (the text has \(tokens.count) tokens, 0–\(tokens.count - 1))")
            }
            return index
        }
        var matches = tokens.indices.filter { tokens[$0] == value }
        if matches.isEmpty { matches = tokens.indices.filter { tokens[$0].lowercased() == value.lowercased() } }
        if matches.count == 1 { return matches[0] }
        let listed = (matches.isEmpty ? Array(tokens.indices) : matches).map { "\(printable(tokens[$0])) (\($0))" }
        let quoted = "'" + printable(value) + "'"
        if matches.isEmpty {
            throw ValidationError(
                "\(flag) \(quoted) is not a token of the text; give a token or an index: "
                    + listed.joined(separator: ", "))
        }
        throw ValidationError(
            "\(flag) \(quoted) occurs \(matches.count) times; give one index: " + listed.joined(separator: ", "))
    }
}
