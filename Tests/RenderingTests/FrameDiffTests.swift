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
