import Foundation

/// Whether a value JSONSerialization gave is JSON `true` or `false`: it bridges numbers and booleans
/// to one NSNumber, so `as? Bool` accepts 0 and 1 and `as? Int` accepts `true`.
func isJSONBoolean(_ value: Any) -> Bool {
    value is NSNumber && String(describing: type(of: value)).contains("Boolean")
}
