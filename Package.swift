// swift-tools-version:6.0
import PackageDescription

/// Optimise the numeric hot loops hard in release builds; debug builds stay checkable.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "attnview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attnview", targets: ["attnview"]),
        .library(name: "AttentionCore", targets: ["AttentionCore"]),
        .library(name: "Rendering", targets: ["Rendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // BLAS for QKᵀ: OpenBLAS' sgemm runs at numpy's speed (see docs/performance).
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // ncursesw with static inline wrappers for the macros and globals Swift cannot import.
        // (No pkgConfig: SwiftPM would warn about, and drop, its -D flags; shim.h defines them.)
        .systemLibrary(name: "CNCurses"),
        .target(
            name: "AttentionCore",
            dependencies: ["COpenBLAS"],
            swiftSettings: releaseSpeed
        ),
        .target(
            name: "Rendering",
            dependencies: [
                "AttentionCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            resources: [.copy("Themes")],
            swiftSettings: releaseSpeed
        ),
        .executableTarget(
            name: "attnview",
            dependencies: [
                "AttentionCore",
                "Rendering",
                "CNCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseSpeed
        ),
        .testTarget(
            name: "AttentionCoreTests",
            dependencies: ["AttentionCore"],
            resources: [.copy("Fixtures")]
        ),
        // The golden screens draw the app's own key table (the help, hints and key column).
        .testTarget(
            name: "RenderingTests",
            dependencies: ["Rendering", "AttentionCore", "attnview"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "attnviewTests",
            dependencies: ["attnview", "Rendering", "AttentionCore"]
        ),
    ]
)
