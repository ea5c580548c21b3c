import AttentionCore
import Foundation
import Glibc
import TestSupport
import Testing

@testable import Rendering

/// Random texts in many scripts, drawn by the whole screen at random sizes: every row must span
/// exactly the frame's width as a terminal counts it (glibc's `wcwidth`, which ncurses and tmux
/// use), in plain text and in ANSI, and the SVG must not invent a U+FFFD.
@Suite struct WideTextPropertyTests {
    /// Words from the scripts and sequences terminals disagree on most.
    static let words = [
        "the", "cat", "東京", "日本語", "한국어", "ｶﾀｶﾅ", "Ａ", "😀", "👍🏽", "✋🏿", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "1️⃣", "🇫🇷",
        "e\u{301}", "a\u{308}\u{323}", "café", "שלום", "مرحبا", "\u{200F}abc", "कि", "ก่", "ᄀ\u{1161}", "🫠",
        "\u{200B}", "x\u{200D}y", "🌡", "·", "—", "…",
    ]

    /// glibc's `wcwidth`, which Swift's Glibc module leaves out (it needs _XOPEN_SOURCE).
    static let wcwidth: @convention(c) (Int32) -> Int32 = {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return unsafeBitCast(
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"), to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Cells a terminal gives `text`: glibc's `wcwidth` per scalar, in a UTF-8 locale.
    static func terminalWidth(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let cells = Int(Self.wcwidth(Int32(scalar.value)))
            #expect(cells >= 0, "a non-printable U+\(String(scalar.value, radix: 16)) reached the output")
            return total + max(0, cells)
        }
    }

    static func randomText(_ random: inout SplitMix64, words count: Int) -> [String] {
        (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }
    }

    @Test func everyRowSpansTheFrameInTextAnsiAndSVG() throws {
        var random = SplitMix64(state: 18)
        let sizes =
            [(80, 24), (200, 60)] + (0..<10).map { _ in (80 + Int(random.next() % 121), 24 + Int(random.next() % 37)) }
        for (index, (width, height)) in sizes.enumerated() {
            let tokens = ["[CLS]"] + Self.randomText(&random, words: 3 + Int(random.next() % 20)) + ["[SEP]"]
            let (result, curve) = try SampleResults.withCurve(AttentionParams(n: tokens.count, dk: 16, seed: 3))
            let text = Self.randomText(&random, words: 12).joined(separator: " ")
            let row = Int(random.next() % UInt64(tokens.count))
            let labels = ModelHead(
                model: Self.randomText(&random, words: 2).joined(), text: text, tokens: tokens, layer: 0, head: 1,
                layers: 2, heads: 4, headWidth: 16)
            let model = ModelView(
                labels: labels, zoomed: index % 3 == 1, editor: index % 4 == 3 ? LineEditor(text: text) : nil)
            let view = ViewState(selectedRow: row, status: index % 2 == 0 ? "saved \(text)" : "")
            let frame = ScreenRenderer(theme: .fallback, depth: .palette256).render(
                result: result, curve: curve, view: view, model: model, keys: .sample(model: true), width: width,
                height: height)
            let label = "\(width)×\(height) tokens \(tokens)"
            for y in 0..<height {
                #expect(Self.terminalWidth(String(frame.visibleCharacters(row: y))) == width, "row \(y) at \(label)")
            }
            let plain = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let ansi = frame.ansiText().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(plain.count == height && ansi.count == height)
            for (y, (line, colored)) in zip(plain, ansi).enumerated() {
                let visible = String(frame.visibleCharacters(row: y))
                #expect(visible.hasPrefix(line) && visible.dropFirst(line.count).allSatisfy { $0 == " " })
                let stripped = colored.replacing(/\x{1B}\[[0-9;]*m/, with: "")
                #expect(visible.hasPrefix(stripped) && visible.dropFirst(stripped.count).allSatisfy { $0 == " " })
                #expect(Self.terminalWidth(stripped) <= width && Self.terminalWidth(line) <= width)
            }
            let svg = FrameSVG(palette: SVGPalette(theme: .fallback)).document(frame, title: text)
            #expect(!svg.contains("\u{FFFD}"), "\(label)")
        }
    }

    /// Writing over half of a wide character leaves its other half blank, never a row one cell too wide.
    @Test func overwritingHalfAWideCharacterKeepsTheRowWidth() {
        var frame = Frame(width: 6, height: 1)
        frame.put("東京", x: 0, y: 0, style: CellStyle())
        frame.put("a", x: 1, y: 0, style: CellStyle())
        frame.put("b", x: 2, y: 0, style: CellStyle())
        #expect(frame.plainText() == " ab\n")
        #expect(Self.terminalWidth(String(frame.visibleCharacters(row: 0))) == 6)
        var edge = Frame(width: 3, height: 1)
        #expect(edge.put("ab東", x: 0, y: 0, style: CellStyle()) == 2, "no wide character in the last column")
        #expect(edge.plainText() == "ab\n")
    }

    /// Every scalar the width table knows agrees with glibc's `wcwidth` (what ncurses and tmux use),
    /// in the planes where scripts and emoji live.
    @Test func scalarWidthsAgreeWithTheTerminal() {
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let libc = Int(Self.wcwidth(Int32(value)))
            guard libc >= 0 else { continue }
            if DisplayWidth.width(of: scalar) != libc { disagreements.append(String(value, radix: 16) + "=\(libc)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(80))")
    }
}
