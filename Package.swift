// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kyodo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kyodo", targets: ["kyodo"]),
        .library(name: "KyodoKit", targets: ["KyodoModel", "KyodoText", "KyodoDocument", "KyodoExtract", "KyodoCompare", "KyodoReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CLibXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .systemLibrary(
            name: "CPopplerCpp",
            pkgConfig: "poppler-cpp",
            providers: [.apt(["libpoppler-cpp-dev"]), .brew(["poppler"])]
        ),
        // The C interface to poppler-cpp that the PDF reader calls (C++ stays inside it).
        .target(name: "CPDFText", dependencies: ["CPopplerCpp"]),
        .target(name: "KyodoModel"),
        .target(name: "KyodoText", dependencies: ["KyodoModel", "CLibXML2", "CLibCrypto"]),
        .target(name: "KyodoDocument", dependencies: ["KyodoModel", "KyodoText", "CLibXML2", "CPDFText",
                                                       .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                resources: [.copy("Data/html-layout.tsv")]),
        .target(name: "KyodoExtract", dependencies: ["KyodoModel", "KyodoText", "KyodoDocument"], resources: [.copy("Data/sections.tsv")]),
        .target(name: "KyodoCompare", dependencies: ["KyodoModel", "KyodoText"], resources: [.copy("Data/label-forms.tsv")]),
        .target(name: "KyodoReports", dependencies: ["KyodoModel", "CLibXML2", "CLibXlsxWriter"], resources: [.copy("Schema/kyodo-report.xsd")]),
        .executableTarget(
            name: "kyodo",
            dependencies: [
                "KyodoModel", "KyodoText", "KyodoDocument", "KyodoExtract", "KyodoCompare", "KyodoReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "KyodoFuzzSupport"),
        .executableTarget(name: "kyodo-fuzz", dependencies: ["KyodoModel", "KyodoText", "KyodoDocument", "KyodoExtract", "KyodoFuzzSupport"]),
        .executableTarget(name: "kyodo-fuzz-output", dependencies: ["KyodoModel", "KyodoText", "KyodoCompare", "KyodoReports", "KyodoFuzzSupport"]),
        .executableTarget(name: "kyodo-bench", dependencies: ["KyodoModel", "KyodoText", "KyodoDocument", "KyodoExtract", "KyodoCompare"]),
        .target(name: "KyodoTestSupport", dependencies: ["KyodoModel", "KyodoText", "KyodoDocument", "KyodoExtract"], path: "Tests/KyodoTestSupport"),
        .testTarget(name: "KyodoTextTests", dependencies: ["KyodoText", "KyodoTestSupport"]),
        .testTarget(name: "KyodoDocumentTests", dependencies: ["KyodoDocument", "KyodoTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "KyodoExtractTests", dependencies: ["KyodoExtract", "KyodoTestSupport"]),
        .testTarget(name: "KyodoCompareTests", dependencies: ["KyodoCompare", "KyodoExtract", "KyodoReports", "KyodoTestSupport"]),
        .testTarget(name: "KyodoReportsTests", dependencies: ["KyodoReports", "KyodoTestSupport"]),
        .testTarget(name: "KyodoCLITests", dependencies: ["KyodoTestSupport"]),
    ]
)
