/// Reads `--seed`: any whole number from 0 to 2⁶⁴ − 1. A separate reader so a negative or
/// malformed seed gets its range in the message, not ArgumentParser's bare "invalid value".
enum SeedArgument {
    /// Why a seed was refused; ArgumentParser prints it after "The value '-1' is invalid for '--seed <seed>': ".
    struct Invalid: Error, CustomStringConvertible {
        var description: String { "a seed is a whole number from 0 to \(UInt64.max)" }
    }

    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else { throw Invalid() }
        return seed
    }
}
