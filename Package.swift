// swift-tools-version: 6.0
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mailplan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mailplan", targets: ["mailplan"]),
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "MailPlan", targets: ["MailPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian ships no glpk.pc, so the library is named directly rather than found by pkg-config.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "GLPK", dependencies: ["CGLPK"], swiftSettings: upcoming),
        .target(name: "MailPlan", dependencies: ["GLPK"], swiftSettings: upcoming),
        .executableTarget(
            name: "mailplan",
            dependencies: [
                "MailPlan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"], swiftSettings: upcoming),
        .testTarget(name: "MailPlanTests", dependencies: ["MailPlan", "GLPK"], exclude: ["Fixtures"], swiftSettings: upcoming),
        .testTarget(name: "MailPlanCLITests", dependencies: ["mailplan", "MailPlan"], swiftSettings: upcoming),
    ]
)
