import Testing
@testable import Rendering

@Test func plainTextTrimsTrailingBlanks() {
    var frame = Frame(width: 6, height: 2)
    frame.put("ab", x: 1, y: 0)
    #expect(frame.plainText() == " ab\n\n")
}
