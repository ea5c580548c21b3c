import Testing

@testable import attnview

@Test func manualPageHasEveryUserCommandAndExitStatus() {
    let page = ManualPage.roff()
    #expect(page.hasPrefix(".TH ATTNVIEW 1 "))
    for command in ["interactive", "snapshot", "sweep", "themes"] {
        #expect(page.contains(".SS \"attnview \(command)\""), "\(command)")
    }
    // The DESCRIPTION names every headless command (it once left out heads).
    let description = page.components(separatedBy: ".SH DESCRIPTION\n").last?.components(separatedBy: "\n").first ?? ""
    for command in ["snapshot", "sweep", "heads", "export", "embed", "train", "themes"] {
        #expect(description.contains(command), "DESCRIPTION names \(command)")
    }
    #expect(!page.contains("attnview bench\""))
    #expect(!page.contains("attnview manual\""))
    #expect(page.contains("--theme <theme>"))
    for status in ExitStatus.documented {
        #expect(page.contains(".TP\n\(status.rawValue)\n"))
    }
}

@Test func manualEscapesRoffControlCharacters() {
    #expect(ManualPage.escape(".x\n'y\na\\b") == "\\&.x\n\\&'y\na\\eb")
}
