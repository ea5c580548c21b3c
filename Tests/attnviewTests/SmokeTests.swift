import Testing

@testable import attnview

@Test func commandNameIsAttnview() {
    #expect(AttnView.configuration.commandName == "attnview")
}
