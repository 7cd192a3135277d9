// swift-tools-version: 6.0
import PackageDescription

/// Release builds are compiled for the machine they run on, so the hand-written
/// SIMD kernels get AVX-512 and fused multiply-add (see DECISIONS.md). Debug
/// builds keep the baseline target so they stay fast to compile.
let nativeCPU: [SwiftSetting] = [
    .unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))
]

let package = Package(
    name: "RNNLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rnnlab", targets: ["rnnlab"]),
        .library(name: "RNNEngine", targets: ["RNNEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(name: "RNNEngine", swiftSettings: nativeCPU),
        // The message catalogue (one table per language) and the one number formatter.
        .target(name: "LabText", exclude: ["README.md"]),
        .target(name: "TerminalUI", dependencies: ["LabText"], swiftSettings: nativeCPU),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // zlib inflates the gzipped data sets (zlib1g-dev), streaming under a size cap.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalUI"], swiftSettings: nativeCPU),
        .target(name: "RNNLab", dependencies: ["RNNEngine", "CZlib", "LabText"], swiftSettings: nativeCPU),
        .target(name: "LabApp", dependencies: ["RNNLab", "TerminalUI", "LabText"], swiftSettings: nativeCPU),
        .executableTarget(
            name: "rnnlab",
            dependencies: [
                "RNNEngine", "RNNLab", "TerminalUI", "LabApp", "LabText", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: nativeCPU
        ),
        // `RNNLAB_TESTS=fast` skips the slow tier (see README: Tests).
        .target(name: "TestTiers", path: "Tests/TestTiers"),
        .testTarget(name: "RNNEngineTests", dependencies: ["RNNEngine", "TestTiers"], resources: [.copy("Fixtures")]),
        // Shared by the test targets that compare whole frames with text snapshots.
        .target(name: "SnapshotSupport", dependencies: ["TerminalUI"], path: "Tests/SnapshotSupport"),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
        .testTarget(name: "RNNLabTests", dependencies: ["RNNLab", "RNNEngine", "CZlib", "LabText", "TestTiers"]),
        .testTarget(name: "LabTextTests", dependencies: ["LabText"]),
        // The `rnnlab` command's own logic (the bench's reference-file reader), via @testable import.
        .testTarget(name: "BenchCommandTests", dependencies: ["rnnlab", "LabText"]),
        .testTarget(name: "LabAppTests", dependencies: ["LabApp", "LabText", "RNNLab", "TerminalUI", "SnapshotSupport", "TestTiers"],
                    exclude: ["__Snapshots__"]),
        // Runs the built `rnnlab` in tmux, as a person would; needs no module of ours but the tiers.
        .testTarget(name: "EndToEndTests", dependencies: ["TestTiers"]),
    ],
    swiftLanguageModes: [.v6]
)
