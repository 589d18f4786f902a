// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "renewald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "renewald", targets: ["renewald"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Values shared by every stage: the report as the protocol describes it.
        .target(name: "ReportModel"),
        // Pure stages: bytes → text → structure → themes.
        .target(name: "Decode", dependencies: ["ReportModel"]),
        .target(name: "Normalize", dependencies: ["ReportModel"]),
        .target(name: "Segment", dependencies: ["ReportModel", "Normalize"]),
        .target(name: "Classify", dependencies: ["ReportModel"]),
        // Traditional Chinese read through its simplified form (OpenCC), for analysis and search.
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        .target(name: "ChineseScript", dependencies: ["COpenCC"]),
        // PDF (through poppler's pdftotext), Word and saved web pages → text lines.
        .systemLibrary(name: "CZlib"),   // zlib: the zip inside Word files (and reports packed before zstd)
        .target(name: "Formats", dependencies: ["Decode", "CZlib"]),
        .target(name: "Ingest", dependencies: ["ReportModel", "Decode", "Formats", "Normalize", "Segment", "Classify", "ChineseScript"]),
        // Edges: database, inbox, socket, systemd.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),   // packed reports
        .target(name: "Store", dependencies: [
            "ReportModel", "CZlib", "CZstd", "ChineseScript",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Inbox", dependencies: [
            "ReportModel",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "QueryProtocol", dependencies: ["ReportModel"]),
        .target(name: "Server", dependencies: [
            "QueryProtocol",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The only code that calls libsystemd: readiness, watchdog, socket activation, journal.
        .systemLibrary(
            name: "CSystemd",
            path: "Sources/CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "Systemd", dependencies: [
            "CSystemd",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Daemon", dependencies: [
            "ReportModel", "Ingest", "Store", "Inbox", "QueryProtocol", "Server", "Classify", "ChineseScript",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "renewald", dependencies: [
            "Daemon", "Server", "Systemd", "Ingest", "Store", "QueryProtocol",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"]),
        .testTarget(name: "DecodeTests", dependencies: ["Decode"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "CZlib"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "Decode"]),
        .testTarget(name: "SegmentTests", dependencies: ["Segment"]),
        .testTarget(name: "ClassifyTests", dependencies: ["Classify"]),
        .testTarget(name: "ChineseScriptTests", dependencies: ["ChineseScript"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "CZlib"]),
        .testTarget(name: "InboxTests", dependencies: ["Inbox"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon"]),
        .testTarget(name: "QueryProtocolTests", dependencies: ["QueryProtocol"]),
        .testTarget(name: "SystemdTests", dependencies: [
            "Systemd",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["renewald"]),
    ]
)
