import FuzzPreamble
import Rendering

private let catalog = ThemeCatalog(environment: [:])

/// The theme loader (file → TOMLReader → ThemeParser) on any bytes: a theme with usable ramps, or a
/// one-line error naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.file(start, count, name: "input.toml")
    do {
        let theme = try catalog.load(path)
        precondition(theme.weights.stops.count >= 2 && theme.logits.stops.count >= 2, "short ramp accepted")
        _ = theme.weights.color(at: 0.5)
        _ = theme.logits.color(at: 0)
    } catch {
        if case .missingFile = error { preconditionFailure("the file just written was not found") }
        Fuzz.checkMessage(error.description, names: path)
    }
    return 0
}
