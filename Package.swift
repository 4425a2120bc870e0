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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Functional core: no I/O, no wall clock, no unseeded randomness.
        .target(name: "Money", swiftSettings: strictSettings),
        .target(name: "Law", dependencies: ["Money"], swiftSettings: strictSettings),
        .target(name: "Domain", dependencies: ["Money", "Law"], swiftSettings: strictSettings),
        .target(name: "Engine", dependencies: ["Money", "Law", "Domain"], swiftSettings: strictSettings),

        // The versioned law tables (rates, tariffs, norms) shipped as data files, and their loader.
        .target(
            name: "LawData",
            dependencies: ["Law", "Money"],
            resources: [.copy("Tables")],
            swiftSettings: strictSettings
        ),

        // The command-line shell.
        .executableTarget(
            name: "adem",
            dependencies: [
                "Money", "Law", "LawData", "Domain",
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
            name: "EngineTests",
            dependencies: ["Engine", "Money", .product(name: "PropertyBased", package: "swift-property-based")],
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
