import Foundation
import Testing

@testable import attnview

/// What a progress line wrote into a pipe after `body` ran.
private func written(enabled: Bool, delay: Duration, _ body: (inout ProgressLine) -> Void) throws -> String {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    var line = ProgressLine(label: "sweep", delay: delay, descriptor: descriptors[1], enabled: enabled)
    body(&line)
    close(descriptors[1])
    let data = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true).readDataToEndOfFile()
    return String(decoding: data, as: UTF8.self)
}

@Test func progressRedrawsOneLineAndErasesIt() throws {
    let text = try written(enabled: true, delay: .zero) { line in
        line.update(0.426)
        line.update(0.9)  // within 0.1 s of the last draw: skipped
        line.finish()
    }
    #expect(text == "\rsweep 42%\u{1B}[K\r\u{1B}[K")
}

@Test func progressStaysSilentOffTerminalsAndForQuickWork() throws {
    #expect(
        try written(enabled: false, delay: .zero) {
            $0.update(0.5)
            $0.finish()
        }.isEmpty)
    #expect(
        try written(enabled: true, delay: .seconds(60)) {
            $0.update(0.5)
            $0.finish()
        }.isEmpty)
}
