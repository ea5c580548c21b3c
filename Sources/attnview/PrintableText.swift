import Rendering
import TensorFiles

/// `text` (a file name, a token from a vocabulary file) with its control characters shown escaped
/// (`\x1b`, see `VisibleControls`), so text attnview did not write cannot drive the terminal when
/// an error message quotes it.
func printable(_ text: String) -> String {
    VisibleControls.escaped(text)
}
