// swift-tools-version:6.1
import PackageDescription

/// Every target names the modules it imports: members of a module imported only transitively are not
/// visible (SE-0444), so a missing dependency is a compile error instead of a build-order accident.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

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
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Values shared by every stage: the report as the protocol describes it, and the character
        // classes (ideograph, space, full width) every stage agrees on.
        .target(name: "ReportModel", swiftSettings: strictImports),
        .target(name: "Characters", swiftSettings: strictImports),
        // Pure stages: bytes → text → structure → themes.
        .target(name: "Decode", dependencies: ["ReportModel"], swiftSettings: strictImports),
        .target(name: "Normalize", dependencies: ["Characters"], swiftSettings: strictImports),
        .target(name: "Segment", dependencies: ["ReportModel", "Characters", "Normalize"], swiftSettings: strictImports),
        .target(name: "Classify", dependencies: ["ReportModel", "Characters"], swiftSettings: strictImports),
        // Traditional Chinese read through its simplified form (OpenCC), for analysis and search.
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        .target(name: "ChineseScript", dependencies: ["COpenCC"], swiftSettings: strictImports),
        // PDF (through poppler's pdftotext), Word and saved web pages → text lines.
        .systemLibrary(name: "CZlib"),   // zlib: the zip inside Word files (and reports packed before zstd)
        .target(name: "Formats", dependencies: ["ReportModel", "Decode", "Characters", "CZlib"], swiftSettings: strictImports),
        // The pure pipeline, bytes → report: decode or read the format, normalize, segment, classify.
        .target(name: "Pipeline", dependencies: ["ReportModel", "Decode", "Formats", "Normalize", "Segment", "Classify", "ChineseScript"],
                swiftSettings: strictImports),
        // Edges: database, inbox, socket, systemd.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),   // packed reports
        // SQLite's process-wide settings, which only a C call can make (sqlite3_config is variadic).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "Store", dependencies: [
            "CSQLiteTuning", "ReportModel", "Characters", "CZlib", "CZstd", "ChineseScript",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),   // FTS5's C API, for the rank function
        ], swiftSettings: strictImports),
        // The same store on a shared PostgreSQL database, for many hosts and one collection.
        .target(name: "PostgresStore", dependencies: [
            "Store", "ReportModel", "Characters", "ChineseScript",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictImports),
        .systemLibrary(name: "CStatfs"),   // statfs(2): is the inbox on a network file system?
        .target(name: "Inbox", dependencies: [
            "CStatfs",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictImports),
        .target(name: "QueryProtocol", dependencies: ["ReportModel"], swiftSettings: strictImports),
        // The digest page: a `digest` result → one self-contained HTML page with inline SVG charts.
        .target(name: "Digest", dependencies: ["ReportModel"], swiftSettings: strictImports),
        .target(name: "Server", dependencies: [
            "ReportModel", "QueryProtocol",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictImports),
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
        ], swiftSettings: strictImports),
        .target(name: "Daemon", dependencies: [
            "ReportModel", "Pipeline", "Store", "PostgresStore", "Inbox", "QueryProtocol", "Server", "Classify", "ChineseScript",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ], swiftSettings: strictImports),
        .executableTarget(name: "renewald", dependencies: [
            "ReportModel", "Decode", "Normalize", "Segment", "Classify", "Pipeline", "Store", "Server", "Systemd",
            "Daemon", "Digest", "PostgresStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictImports),

        // What several test targets need: temporary directories, GB18030 text made at test time.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictImports),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"], swiftSettings: strictImports),
        .testTarget(name: "CharactersTests", dependencies: ["Characters"], swiftSettings: strictImports),
        .testTarget(name: "DecodeTests", dependencies: ["Decode", "ReportModel"], swiftSettings: strictImports),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Decode", "ReportModel", "CZlib", "TestSupport"], swiftSettings: strictImports),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "Characters", "Decode"],
                    swiftSettings: strictImports),
        .testTarget(name: "SegmentTests", dependencies: ["Segment", "Normalize", "ReportModel"],
                    swiftSettings: strictImports),
        .testTarget(name: "ClassifyTests", dependencies: ["Classify", "ReportModel"], swiftSettings: strictImports),
        .testTarget(name: "ChineseScriptTests", dependencies: ["ChineseScript"], swiftSettings: strictImports),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Classify", "Decode", "Formats", "ReportModel"], swiftSettings: strictImports),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "ReportModel", "CZlib",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strictImports),
        // The store contract, run against SQLite and (with RENEWALD_TEST_PG_URL) PostgreSQL.
        .testTarget(name: "PostgresStoreTests", dependencies: [
            "PostgresStore", "Store", "ReportModel",
        ], swiftSettings: strictImports),
        .testTarget(name: "ReprintTests", dependencies: ["Pipeline", "Store", "Classify", "ReportModel", "TestSupport"], swiftSettings: strictImports),
        .testTarget(name: "DigestTests", dependencies: ["Digest", "ReportModel"], swiftSettings: strictImports),
        .testTarget(name: "InboxTests", dependencies: ["Inbox", "TestSupport"], swiftSettings: strictImports),
        .testTarget(name: "DaemonTests", dependencies: [
            "Daemon", "Inbox", "Classify", "Pipeline", "QueryProtocol", "ReportModel", "Store", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strictImports),
        .testTarget(name: "QueryProtocolTests", dependencies: ["QueryProtocol", "ReportModel"],
                    swiftSettings: strictImports),
        .testTarget(name: "SystemdTests", dependencies: [
            "Systemd",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictImports),
        .testTarget(name: "EndToEndTests", dependencies: ["renewald", "ReportModel", "TestSupport"], swiftSettings: strictImports),
    ]
)
