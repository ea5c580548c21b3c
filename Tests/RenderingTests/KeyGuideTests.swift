import Testing

@testable import Rendering

@Test func keyGuideListsEveryKeyOfTheInteractiveView() {
    let documented = KeyGuide.all.map(\.keys).joined(separator: " ")
    let tokens = Set(documented.split(separator: " ").map(String.init))
    for key in [
        "←", "→", "↑", "↓", "h", "l", "<", ">", "1", "2", "3", "0", "n", "N", "r", "c", "[", "]", "v", "j", "k",
        "Tab", "t", "p", "s", "S", "?", "q", "Esc",
    ] {
        #expect(tokens.contains(key), "\(key) is documented")
    }
}
