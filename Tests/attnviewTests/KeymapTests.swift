import Rendering
import Testing

@testable import attnview

@Suite struct KeymapTests {
    @Test func issueKeysMapToTheirActions() {
        let expected: [(Key, Action)] = [
            (.left, .halveDk), (.character("h"), .halveDk), (.right, .doubleDk), (.character("l"), .doubleDk),
            (.shiftLeft, .decrementDk), (.character("<"), .decrementDk),
            (.shiftRight, .incrementDk), (.character(">"), .incrementDk),
            (.up, .nudgeDivisor(quarterOctaves: 1)), (.down, .nudgeDivisor(quarterOctaves: -1)),
            (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
            (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
            (.character("n"), .fewerTokens), (.character("N"), .moreTokens), (.character("r"), .newSeed),
            (.character("c"), .toggleCausal), (.character("["), .rhoDown), (.character("]"), .rhoUp),
            (.character("v"), .toggleHeatmap), (.character("j"), .nextRow), (.character("k"), .previousRow),
            (.tab, .nextRowWrapping), (.character("t"), .nextTheme), (.character("p"), .togglePlay),
            (.character("s"), .save(json: false)), (.character("S"), .save(json: true)),
            (.character("?"), .toggleHelp), (.character("q"), .quit), (.escape, .back),
        ]
        for (key, action) in expected {
            #expect(Keymap.action(for: key) == action, "\(key)")
        }
    }

    @Test func unboundKeysDoNothingAndResizeAlwaysWorks() {
        #expect(Keymap.action(for: .character("x")) == .unboundKey)
        #expect(Keymap.action(for: .resize(width: 40, height: 12)) == .resize(width: 40, height: 12))
    }

    @Test func everyKeyIsBoundOnce() {
        let keys = Keymap.bindings.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    /// The help overlay and footer are drawn from KeyGuide: every binding must appear there, and
    /// every key KeyGuide documents must be bound.
    @Test func keymapAndKeyGuideDocumentTheSameKeys() {
        let documented = Set(KeyGuide.all.flatMap { KeyGuideTokens.labels(in: $0.keys) })
        let bound = Set(Keymap.bindings.map(\.label))
        #expect(bound.subtracting(documented).sorted() == [], "bound but not in KeyGuide")
        #expect(documented.subtracting(bound).sorted() == [], "in KeyGuide but not bound")
    }
}

/// Splits KeyGuide's key text into the labels the keymap uses: "← → h l" is four keys, and in
/// "< > Shift+← →" the Shift+ carries over to the arrow after it.
enum KeyGuideTokens {
    static func labels(in keys: String) -> [String] {
        var labels: [String] = []
        var shifted = false
        for token in keys.split(separator: " ").map(String.init) {
            if token.hasPrefix("Shift+") {
                shifted = true
                labels.append(token)
            } else if shifted && ["←", "→", "↑", "↓"].contains(token) {
                labels.append("Shift+" + token)
            } else {
                labels.append(token)
            }
        }
        return labels
    }
}
