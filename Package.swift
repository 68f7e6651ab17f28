// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "ogi",
    products: [
        .library(name: "OGIReport", targets: ["OGIReport"]),
        .executable(name: "ogi", targets: ["ogi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            path: "Sources/CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .systemLibrary(name: "CSHA256", path: "Sources/CSHA256"),
        .target(name: "OGIReport", dependencies: ["CLibXML2", "CPoppler", "CSHA256", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(
            name: "ogi",
            dependencies: [
                "OGIReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ogi-bench", dependencies: ["OGIReport"], path: "tools/ogi-bench"),
        .testTarget(name: "OGIReportTests", dependencies: ["OGIReport"]),
    ]
)

// libFuzzer targets (tools/ogi-fuzz): only with OGI_FUZZ=1, as tools/fuzz.sh builds them, since they
// link only with `-sanitize=fuzzer` (libFuzzer provides `main`). Plain `swift build`/`swift test` never see them.
if ProcessInfo.processInfo.environment["OGI_FUZZ"] == "1" {
    package.products.append(.executable(name: "ogi-fuzz", targets: ["ogi-fuzz"]))
    package.targets.append(.executableTarget(name: "ogi-fuzz", dependencies: ["OGIReport"], path: "tools/ogi-fuzz"))
}
