// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Spool",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spool", targets: ["spool"]),
        .executable(name: "spool-bench", targets: ["spool-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "SpoolCore"),
        .target(
            name: "SpoolImport",
            dependencies: [
                "SpoolCore", "CSpoolZlib", "CLibXML2", "CCMark",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSpoolZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's malloc.h, for the executables' allocator setting.
        .systemLibrary(name: "CSpoolMalloc"),
        // Discussions by their address: HTTP through libcurl (loaded when first needed), the offline cache.
        .target(name: "CSpoolCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "SpoolRemote", dependencies: ["CSpoolCurl"]),
        .target(name: "SpoolState", dependencies: ["SpoolCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "SpoolScreen"),
        .target(name: "SpoolReader", dependencies: ["SpoolCore", "SpoolScreen"]),
        .target(
            name: "SpoolView",
            dependencies: ["SpoolCore", "SpoolScreen", "SpoolReader"]),
        // Writes ShippedThemes+Generated.swift from Themes/*.toml (a test checks it is current).
        .executableTarget(name: "spool-embed-themes"),
        .systemLibrary(
            name: "CNCursesW", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CSpoolSignals"),
        .target(name: "SpoolTerminal", dependencies: ["SpoolScreen", "CNCursesW", "CSpoolSignals"]),
        .executableTarget(
            name: "spool",
            dependencies: [
                "SpoolImport", "SpoolState", "SpoolScreen", "SpoolReader", "SpoolView", "SpoolTerminal", "SpoolRemote",
                "CSpoolMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["BuildCommit"]),
        // Names the git commit in `spool --version` (runs /bin/sh and git; builds no tool).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(
            name: "spool-bench",
            dependencies: [
                "SpoolImport", "SpoolScreen", "SpoolReader", "SpoolView", "SpoolState", "CSpoolMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // libFuzzer harnesses (Scripts/fuzz.sh builds them with -sanitize=fuzzer).
        .target(name: "FuzzSupport", dependencies: ["SpoolImport", "SpoolScreen", "SpoolReader", "SpoolView"]),
        .executableTarget(name: "FuzzWeb", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzMbox", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzHackerNews", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzReddit", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRecords", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzKeyNotation", dependencies: ["SpoolReader", "SpoolView"]),
        .target(
            name: "SpoolTestSupport",
            dependencies: ["SpoolCore", "SpoolImport", "SpoolScreen", "SpoolReader", "SpoolView", "SpoolState"],
            path: "Tests/SpoolTestSupport"),
        .testTarget(name: "SpoolCoreTests", dependencies: ["SpoolCore"]),
        .testTarget(
            name: "SpoolImportTests", dependencies: ["SpoolCore", "SpoolImport", "SpoolView", "SpoolTestSupport"]),
        .testTarget(
            name: "SpoolStateTests",
            dependencies: [
                "SpoolCore", "SpoolState", "SpoolImport", "SpoolReader", "SpoolView", "SpoolTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "SpoolReaderTests",
            dependencies: ["SpoolCore", "SpoolScreen", "SpoolReader", "SpoolView", "SpoolImport", "SpoolTestSupport"]),
        .testTarget(
            name: "SpoolRemoteTests", dependencies: ["SpoolRemote", "SpoolCore", "SpoolImport", "SpoolTestSupport"]),
        .testTarget(name: "SpoolScreenTests", dependencies: ["SpoolScreen", "SpoolTestSupport"]),
        .testTarget(
            name: "SpoolTerminalTests", dependencies: ["SpoolScreen", "SpoolTerminal", "CNCursesW", "SpoolTestSupport"]),
        .testTarget(
            name: "SpoolViewTests",
            dependencies: [
                "SpoolCore", "SpoolScreen", "SpoolReader", "SpoolView", "SpoolImport", "SpoolTestSupport",
                "spool-embed-themes",
            ],
            exclude: ["__Snapshots__", "TOML/toml_canonical.py"]),
        .testTarget(name: "EndToEndTests", dependencies: ["spool", "SpoolTestSupport", "SpoolReader", "SpoolView"]),
    ]
)
