import ArgumentParser
import AttentionCore

/// Comma-separated list options (`--dk 16,64,256`), read the same way by `sweep` and `train`.
enum ListOption {
    /// The comma-separated items of a list option, trimmed; an empty item is an error.
    static func items(of list: String, flag: String) throws -> [String] {
        let items = list.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.contains(where: \.isEmpty) else {
            throw ValidationError("\(flag) '\(list)' has an empty item (write e.g. 16,64,256)")
        }
        return items
    }

    /// One integer item within `range`; the error names the flag and the item.
    static func integer(_ item: String, flag: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(item) else { throw ValidationError("\(flag) item '\(item)' is not an integer") }
        guard range.contains(value) else {
            throw FlagError(flag: flag, value: item, allowed: "\(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }
}
