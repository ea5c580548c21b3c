// swift-tools-version:6.0
// The fuzz targets (`make fuzz`): one executable per reader of untrusted files, built with libFuzzer and
// AddressSanitizer against attnview's own modules (so no source file is listed by hand), sharing one
// preamble. Not part of the main package: CI never builds or runs them.
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func target(_ name: String, _ product: String) -> Target {
    .executableTarget(
        name: "fuzz-\(name)",
        dependencies: ["FuzzPreamble", .product(name: product, package: "attnview")],
        swiftSettings: fuzzer)
}

let package = Package(
    name: "attnview-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "attnview", path: "..")],
    targets: [
        .target(name: "FuzzPreamble"),
        target("npy", "TensorFiles"),
        target("safetensors", "TensorFiles"),
        target("tokenizer", "Transformer"),
        target("themes", "Rendering"),
        target("config", "Transformer"),
    ]
)
