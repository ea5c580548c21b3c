/// `text` (a file name, a token from a vocabulary file) with its control characters shown as `?`, so
/// text attnview did not write cannot drive the terminal when an error message quotes it.
func printable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
}
