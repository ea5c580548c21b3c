import Foundation
import TensorFiles

/// Whether a value JSONSerialization gave is JSON `true` or `false`: it bridges numbers and booleans
/// to one NSNumber, so `as? Bool` accepts 0 and 1 and `as? Int` accepts `true`.
func isJSONBoolean(_ value: Any) -> Bool {
    value is NSNumber && String(describing: type(of: value)).contains("Boolean")
}

/// A value from a user's JSON file as an error message quotes it: strings quoted, shortened to 40
/// characters, their control characters escaped (`\x0a`), so the message stays one safe line.
func jsonSpelling(_ value: Any?) -> String {
    switch value {
    case nil: return "absent"
    case is NSNull: return "null"
    case let text as String:
        let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"" + VisibleControls.escaped(short) + "\""
    case let flag? where isJSONBoolean(flag): return (flag as? Bool) == true ? "true" : "false"
    case is [String: Any]: return "an object"
    case is [Any]: return "a list"
    case let value?: return VisibleControls.escaped("\(value)")
    }
}
