import ArgumentParser
import AttentionCore
import Transformer

/// The executable's one mapping from the parameters the core and the encoder name in their errors
/// to the command-line flags that set them.
extension AttentionParameter {
    /// `--n`, `--m`, `--dk`, `--sigma`, `--rho`, `--scale`, `--alpha`.
    var flag: String { "--" + rawValue }
}

extension ModelParameter {
    /// `--text`, `--layer`, `--head`.
    var flag: String { "--" + rawValue }
}

extension AttentionError {
    /// The error as the command line reports it: parameters by their flags.
    var flagDescription: String { description(naming: \.flag) }
}

extension ModelError {
    /// The error as the command line reports it: parameters by their flags.
    var flagDescription: String { description(naming: \.flag) }
}

/// A value of one of the executable's own options outside its range (the core's parameters are
/// checked by the core): `--trials`, `--row`, list items, `--lr`, ….
struct FlagError: Error, Equatable, CustomStringConvertible {
    let flag: String
    let value: String
    let allowed: String

    var description: String { "\(flag) \(value) is out of range (allowed: \(allowed))" }
}

/// ArgumentParser's validation step for checks that throw the core's or the executable's range
/// errors: each becomes a `ValidationError` naming its flag (exit 64, before any input is read).
func validatingFlags(_ check: () throws -> Void) throws {
    do {
        try check()
    } catch let error as AttentionError {
        throw ValidationError(error.flagDescription)
    } catch let error as FlagError {
        throw ValidationError(error.description)
    }
}
