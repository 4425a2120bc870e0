// swift-tools-version: 6.1
import PackageDescription

/// Strictness every target opts into (see docs/decisions/0001-target-layout.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Ademruimte",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "adem", targets: ["adem"]),
        .library(name: "Money", targets: ["Money"]),
        .library(name: "Law", targets: ["Law"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Operations", targets: ["Operations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        // Functional core: no I/O, no wall clock, no unseeded randomness.
        .target(name: "Money", swiftSettings: strictSettings),
        .target(name: "Law", dependencies: ["Money"], swiftSettings: strictSettings),
        .target(name: "Domain", dependencies: ["Money", "Law"], swiftSettings: strictSettings),
        .target(
            name: "Engine",
            dependencies: ["Money", "Law", "Domain", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),

        // The social collection report: pure folds and counters over the journal, and its renderers.
        .target(name: "Reporting", dependencies: ["Money", "Law", "Domain"], swiftSettings: strictSettings),

        // The versioned law tables (rates, tariffs, norms) shipped as data files, and their loader.
        .target(
            name: "LawData",
            dependencies: ["Law", "Money"],
            resources: [.copy("Tables")],
            swiftSettings: strictSettings
        ),

        // Debian's SQLite (libsqlite3-dev) for the embedded store; see docs/decisions/0006-sqlite-direct.md.
        .systemLibrary(
            name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Debian's jemalloc (libjemalloc-dev) as the executable's allocator; see docs/decisions/0010-allocator.md.
        .systemLibrary(
            name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),

        // A VFS over SQLite's default that writes a transaction's log frames in one call; see
        // docs/decisions/0009-sqlite-log-writes.md.
        .target(name: "CWALBuffer", dependencies: ["CSQLite3"]),

        // The case store: the CaseStore contract, its SQL over SQLite and PostgreSQL, migrations.
        .target(
            name: "Store",
            dependencies: [
                "Money", "Law", "Domain", "Reporting", "CSQLite3", "CWALBuffer",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),

        // The use cases (claim import first): validation, batching and transactions.
        .target(
            name: "Operations",
            dependencies: ["Money", "Law", "Domain", "Engine", "Store", "Reporting"],
            swiftSettings: strictSettings
        ),

        // A synthetic agency year: portfolio and debtor behaviour, driving the real operations.
        .target(
            name: "Simulation", dependencies: ["Money", "Law", "Domain", "Engine", "Store", "Operations"],
            swiftSettings: strictSettings),

        // The command-line shell.
        .executableTarget(
            name: "adem",
            dependencies: [
                "Money", "Law", "LawData", "Domain", "Engine", "Store", "Operations", "Reporting", "Simulation",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "MoneyTests",
            dependencies: ["Money", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LawTests",
            dependencies: [
                "Law", "LawData", "Money",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", "Money", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "Domain", "Engine", "LawData", "Law", "Money", "Operations", "Store"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "Domain", "Law", "LawData", "Money",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "Reporting", "Domain", "Law", "Money",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreContractTests",
            dependencies: ["Store", "Domain", "Law", "Money", "Reporting", "Operations"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OperationsTests",
            dependencies: [
                "Operations", "Store", "Domain", "Engine", "Law", "LawData", "Money",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ademTests",
            dependencies: ["adem"],
            exclude: ["Golden"],
            
            swiftSettings: strictSettings
        ),
    ]
)
