import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG document read with Foundation's XMLParser: every element's name and attributes, in
/// order, and the text of `<title>` and `<desc>`.
private final class SVGElements: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String: String] = [:]
    private var characters = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }

    func attribute(_ name: String, of element: String, id: String? = nil) -> String? {
        elements.first { $0.name == element && (id == nil || $0.attributes["id"] == id) }?.attributes[name]
    }

    var canvas: String? { attribute("fill", of: "rect", id: "canvas") }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((name, attributes))
        characters = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" || name == "desc" { texts[name] = characters }
    }
}

/// `snapshot --format svg` as a user runs it: valid XML, the theme's colours, the reproducing
/// command as the title, and `--output` writing the same bytes.
private func svgDocument(_ arguments: [String]) throws -> (bytes: Data, document: SVGElements) {
    let outcome = try CLIRunner.run(["snapshot", "--format", "svg", "--width", "80", "--height", "24"] + arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return (outcome.stdout, try SVGElements(outcome.stdout))
}

@Test func svgSnapshotIsAnSVGDocumentTitledWithItsCommand() throws {
    let (_, document) = try svgDocument(["--n", "16", "--seed", "2"])
    #expect(document.elements.first?.name == "svg")
    #expect(document.attribute("width", of: "svg") == "800")
    #expect(document.attribute("height", of: "svg") == "480")
    #expect(
        document.texts["title"]
            == "attnview snapshot --n 16 --dk 64 --seed 2 --scale sqrt --format svg --width 80 --height 24")
    let description = try #require(document.texts["desc"])
    #expect(description.hasPrefix("params: n=16 m=16 d_k=64"))
    #expect(description.contains("regime"))
    #expect(document.elements.contains { $0.name == "tspan" })
}

@Test func svgSnapshotUsesTheThemesColours() throws {
    #expect(try svgDocument([]).document.canvas == "#1e2030")
    #expect(try svgDocument(["--theme", "light"]).document.canvas == "#fafafa")
    let (_, highContrast) = try svgDocument(["--theme", "high-contrast"])
    #expect(highContrast.canvas == "#000000")
    #expect(highContrast.texts["title"]?.contains("--theme high-contrast") == true)
}

@Test func svgSnapshotIsTruecolorWhateverTheTerminalSays() throws {
    let plain = try svgDocument([]).bytes
    #expect(try svgDocument([]).bytes == plain)
    let outcome = try CLIRunner.run(
        ["snapshot", "--format", "svg", "--width", "80", "--height", "24"],
        environment: ["NO_COLOR": "1", "TERM": "xterm"])
    #expect(outcome.stdout == plain, "NO_COLOR is about terminal output, not pictures")
}

@Test func svgOutputFileHoldsTheSameBytes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("picture.svg")
    let arguments = ["snapshot", "--format", "svg", "--dk", "256", "--scale", "none"]
    let written = try CLIRunner.run(arguments + ["--output", path])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == CLIRunner.run(arguments).stdout)
    let again = try CLIRunner.run(arguments + ["--output", path])
    #expect(again.status != 0, "an existing file is not overwritten without --force")
}

@Test func svgNoColorIsTheThemesInkOnItsCanvas() throws {
    let (_, document) = try svgDocument(["--no-color"])
    let fills = document.elements.compactMap { $0.attributes["fill"] }
    // Canvas, ink, and dim ink (halfway between them) for what the terminal would show dimmed.
    #expect(Set(fills) == ["#1e2030", "#c8d3f5", "#737a93"])
    #expect(document.texts["title"]?.contains("--no-color") == true)
}
