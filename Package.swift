// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CivicIndex",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IndexEngine", targets: ["IndexEngine"]),
        .library(name: "Awards", targets: ["Awards"]),
        .executable(name: "civic", targets: ["civic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.20.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .target(name: "IndexEngine"),
        .target(name: "Awards", dependencies: ["IndexEngine"]),
        // The XLSX workbook of a build, apart so that the engine stays free of dependencies.
        .target(name: "Workbook", dependencies: ["IndexEngine", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Storage", dependencies: ["Awards", "IndexEngine", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "PostgresStorage", dependencies: ["Awards", "IndexEngine", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .target(
            name: "WebApp",
            dependencies: [
                "IndexEngine", "Awards", "Storage", "PostgresStorage", "Workbook",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Land"), .copy("Locales"), .copy("Messages")]
        ),
        .executableTarget(
            name: "civic",
            dependencies: [
                "IndexEngine",
                "Awards",
                "Storage",
                "WebApp",
                "Workbook",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .testTarget(
            name: "IndexEngineTests",
            dependencies: ["IndexEngine"],
            // COINr's reference outputs, read from the source tree by path.
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "AwardsTests",
            dependencies: ["Awards"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Awards"]
        ),
        .testTarget(
            name: "PostgresStorageTests",
            dependencies: ["PostgresStorage", "Storage", "Awards", "WebApp", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Storage", "PostgresStorage", "Awards", "Workbook", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
