// swift-tools-version:6.0
import PackageDescription

// Release builds keep Swift's overflow and bounds checks: the .npy, theme, safetensors and vocab
// readers parse untrusted files, and -Ounchecked measured no visible speed-up (scripts/bench_core.sh).
// The numeric modules are optimised in debug builds too: the tests train heads and check the docs'
// training grids with the debug binary, where the unoptimised random generator alone took minutes.
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "attnview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attnview", targets: ["attnview"]),
        .library(name: "AttentionCore", targets: ["AttentionCore"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "TensorFiles", targets: ["TensorFiles"]),
        .library(name: "Transformer", targets: ["Transformer"]),
        .library(name: "Training", targets: ["Training"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0")
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
        // Untrusted input: .npy and safetensors readers, every header checked before allocating.
        .target(name: "TensorFiles"),
        // The seeded normal generator's arithmetic, compiled for baseline x86-64, AVX2 and AVX-512 and
        // picked at run time. Optimised in debug builds too; FMA contraction off keeps every variant's bits.
        .target(
            name: "CGaussian",
            cSettings: [.unsafeFlags(["-O2", "-ffp-contract=off"])]
        ),
        .target(
            name: "AttentionCore",
            dependencies: ["COpenBLAS", "CGaussian", "TensorFiles"],
            swiftSettings: optimisedEvenInDebug
        ),
        .target(
            name: "Rendering",
            dependencies: ["AttentionCore", "TensorFiles"],
            // themes/ is compiled in as BundledThemes.swift (scripts/generate_bundled_themes.py), so the
            // binary needs no resource bundle; BundledThemesTests checks the two agree.
            exclude: ["Themes"]
        ),
        // A pretrained BERT-family encoder: tokenizer, weights, forward pass. Independent of the views.
        .target(
            name: "Transformer",
            dependencies: ["TensorFiles", "COpenBLAS"]
        ),
        // The training lab's engine: the retrieval task, a head's hand-written gradient, SGD and Adam,
        // runs and grids of runs. Shares only the seeded generator and divisors with AttentionCore.
        .target(
            name: "Training",
            dependencies: ["AttentionCore", "COpenBLAS"],
            swiftSettings: optimisedEvenInDebug
        ),
        .executableTarget(
            name: "attnview",
            dependencies: [
                "AttentionCore",
                "Training",
                "Rendering",
                "TensorFiles",
                "Transformer",
                "CNCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (a seeded generator, engine results, the golden-file check),
        // built only for the tests.
        .target(name: "TestSupport", dependencies: ["AttentionCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "AttentionCoreTests",
            dependencies: ["AttentionCore", "CGaussian", "TensorFiles", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TensorFilesTests",
            dependencies: ["TensorFiles", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["Rendering", "AttentionCore", "TensorFiles", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TransformerTests",
            dependencies: ["Transformer", "TensorFiles", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TrainingTests",
            dependencies: ["Training", "AttentionCore", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "attnviewTests",
            dependencies: [
                "attnview", "Rendering", "AttentionCore", "TensorFiles", "Transformer", "Training", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Golden screens with the app's keys, read by path (GoldenFile): the random picture's frames and
            // SVG documents, the model view's and the training lab's.
            exclude: ["Golden", "ModelGolden", "LabGolden"]
        ),
    ]
)
