import Testing

@testable import Rendering

@Suite struct FrameDiffTests {
    private func frame(_ lines: [String]) -> Frame {
        var frame = Frame(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() { frame.put(line, x: 0, y: y) }
        return frame
    }

    private func text(_ runs: [FrameDiff.Run]) -> [String] {
        runs.map { "\($0.x),\($0.y):" + String($0.cells.map(\.character)) }
    }

    /// A terminal draws a wide character over two cells: a change next to one could leave half of it
    /// behind, so a changed row that holds (or held) one is written whole.
    @Test func aRowWithAWideCharacterIsWrittenWhole() {
        var before = Frame(width: 6, height: 2)
        before.put("ab東cd", x: 0, y: 0, style: CellStyle())
        before.put("ghijkl", x: 0, y: 1)
        var after = before
        after[5, 0] = Cell("X")
        after[5, 1] = Cell("Y")
        let runs = FrameDiff.runs(from: before, to: after, width: 6, height: 2)
        #expect(runs.count == 2 && runs[0].x == 0 && runs[0].cells.count == 6, "the wide row whole")
        #expect(runs[1].x == 5 && runs[1].cells.count == 1, "a plain row as before")
        var narrowed = before
        narrowed.put("abXYcd", x: 0, y: 0)
        #expect(FrameDiff.runs(from: before, to: narrowed, width: 6, height: 2).first?.cells.count == 6)
        #expect(FrameDiff.runs(from: before, to: before, width: 6, height: 2).isEmpty)
    }

    @Test func anUnchangedFrameWritesNothing() {
        let screen = frame(["abc", "def"])
        #expect(FrameDiff.runs(from: screen, to: screen, width: 3, height: 2).isEmpty)
    }

    @Test func withoutAPreviousFrameEveryRowIsOneRun() {
        let runs = FrameDiff.runs(from: nil, to: frame(["abc", "def"]), width: 3, height: 2)
        #expect(text(runs) == ["0,0:abc", "0,1:def"])
    }

    @Test func neighbouringChangesMergeAndGapsSplit() {
        let runs = FrameDiff.runs(
            from: frame(["abcdef", "ghijkl"]), to: frame(["aXYdeZ", "ghijkl"]), width: 6, height: 2)
        #expect(text(runs) == ["1,0:XY", "5,0:Z"])
    }

    @Test func aColourChangeAloneIsAChange() {
        let old = frame(["ab"])
        var new = old
        new.put("b", x: 1, y: 0, foreground: .indexed(1))
        let runs = FrameDiff.runs(from: old, to: new, width: 2, height: 1)
        #expect(runs == [FrameDiff.Run(x: 1, y: 0, cells: [new[1, 0]])])
    }

    @Test func aFrameOfAnotherSizeIsWrittenWhole() {
        let runs = FrameDiff.runs(from: frame(["ab"]), to: frame(["ab", "cd"]), width: 2, height: 2)
        #expect(text(runs) == ["0,0:ab", "0,1:cd"])
    }

    @Test func onlyWhatTheTerminalShowsIsWritten() {
        let runs = FrameDiff.runs(from: nil, to: frame(["abcd", "efgh", "ijkl"]), width: 2, height: 2)
        #expect(text(runs) == ["0,0:ab", "0,1:ef"])
        #expect(FrameDiff.runs(from: nil, to: frame(["ab"]), width: 0, height: 5).isEmpty)
    }
}
