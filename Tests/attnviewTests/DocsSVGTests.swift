import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// docs/snapshots.md and its pictures: every link resolves, each picture is an SVG the script
/// writes, and its title is a command that still draws a picture of the same size.
/// (Their cells follow the renderer: rerun scripts/make_doc_svgs.sh when panels change.)
@Test func snapshotsPageLinksExistingPictures() throws {
    let page = try Docs.text("docs/snapshots.md")
    let folder = Docs.root.appendingPathComponent("docs")
    let links = Docs.relativeLinks(in: page)
    #expect(links.contains("img/default.svg") && links.contains("img/peaked.svg"))
    for target in links {
        let path = folder.appendingPathComponent(target).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: path), "docs/snapshots.md links \(target), which does not exist")
    }
}

@Test(arguments: ["default", "peaked"])
func docPictureIsWhatItsTitleCommandDraws(name: String) throws {
    let script = try Docs.text("scripts/make_doc_svgs.sh")
    #expect(script.contains("picture \(name).svg"), "scripts/make_doc_svgs.sh writes docs/img/\(name).svg")
    let stored = try Data(contentsOf: Docs.root.appendingPathComponent("docs/img/\(name).svg"))
    #expect(XMLParser(data: stored).parse(), "docs/img/\(name).svg is well-formed XML")
    let storedText = String(decoding: stored, as: UTF8.self)
    let title = try #require(storedText.firstMatch(of: /<title>([^<&]*)<\/title>/)?.output.1)
    #expect(title.hasPrefix("attnview snapshot ") && title.contains("--format svg"))
    let arguments = title.split(separator: " ").dropFirst().map(String.init)
    let outcome = try CLIRunner.run(arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let fresh = String(decoding: outcome.stdout, as: UTF8.self)
    let size = /<svg [^>]*width="(\d+)" height="(\d+)"/
    #expect(fresh.firstMatch(of: size)?.output.1 == storedText.firstMatch(of: size)?.output.1)
    #expect(fresh.firstMatch(of: size)?.output.2 == storedText.firstMatch(of: size)?.output.2)
    #expect(fresh.contains("<title>\(title)</title>"), "the command still names itself the same way")
}
