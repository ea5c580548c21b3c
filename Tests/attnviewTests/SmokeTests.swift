import Testing

@testable import attnview

/// The command tree a user sees: `attnview` and its subcommands, by the names the docs use.
@Test func commandNameIsAttnviewWithItsSubcommands() {
    #expect(AttnView.configuration.commandName == "attnview")
    let names = AttnView.configuration.subcommands.compactMap { $0.configuration.commandName }
    for name in ["interactive", "snapshot", "sweep", "heads", "themes"] { #expect(names.contains(name), "\(name)") }
    #expect(AttnView.configuration.defaultSubcommand?.configuration.commandName == "interactive")
}
