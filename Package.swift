// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "CivicIndex",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "IndexEngine", targets: ["IndexEngine"]),
        .library(name: "Awards", targets: ["Awards"]),
        .executable(name: "civic", targets: ["civic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "IndexEngine"),
        .target(name: "Awards", dependencies: ["IndexEngine"]),
        .executableTarget(
            name: "civic",
            dependencies: [
                "IndexEngine",
                "Awards",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "IndexEngineTests",
            dependencies: ["IndexEngine"]
        ),
        .testTarget(
            name: "AwardsTests",
            dependencies: ["Awards"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
