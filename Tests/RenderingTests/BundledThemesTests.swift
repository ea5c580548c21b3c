import Foundation
import Testing

@testable import Rendering

/// `themes/` is the single source of the bundled themes; the compiled-in copy must match it
/// exactly (after editing a theme: `scripts/generate_bundled_themes.py`).
@Test func compiledInThemesMatchTheTOMLFiles() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Rendering/Themes").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
    var onDisk: [String: String] = [:]
    for file in files {
        onDisk[String(file.dropLast(5))] = try String(
            contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
    #expect(onDisk.count == 7)
    #expect(Set(BundledThemes.sources.keys) == Set(onDisk.keys))
    for (name, text) in onDisk {
        #expect(BundledThemes.sources[name] == text, "\(name).toml differs from BundledThemes.swift")
    }
}

@Test func bundledThemesLoadWithNoUserFolderAndNoFiles() throws {
    let catalog = ThemeCatalog(environment: [:])
    #expect(catalog.userDirectory == nil)
    #expect(catalog.availableNames() == ThemeCatalog.bundledNames)
    for name in ThemeCatalog.bundledNames {
        #expect(try catalog.load(name).name == name)
    }
}
