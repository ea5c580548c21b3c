import Foundation

/// The keys of a JSON object's top level, found by a scan of its bytes: what JSON parsers hide when a
/// key appears twice. Called on text a JSON parser has already accepted.
enum JSONObjectKeys {
    /// The first top-level key that appears a second time, decoded; nil when every key is unique.
    static func firstDuplicate(in json: UnsafeRawBufferPointer) -> String? {
        var seen: Set<String> = []
        var depth = 0
        var index = 0
        while index < json.count {
            switch json[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < json.count, json[index] != UInt8(ascii: "\"") {
                    index += json[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard depth == 1, isKey(json, after: index + 1) else { break }
                let literal = Data(json[start..<min(index + 1, json.count)])
                let key =
                    (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: literal, as: UTF8.self)
                if !seen.insert(key).inserted { return key }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether the next byte after blanks at `index` is `:`, which makes the string before it a key.
    private static func isKey(_ json: UnsafeRawBufferPointer, after index: Int) -> Bool {
        var cursor = index
        while cursor < json.count, [0x20, 0x09, 0x0A, 0x0D].contains(json[cursor]) { cursor += 1 }
        return cursor < json.count && json[cursor] == UInt8(ascii: ":")
    }
}
