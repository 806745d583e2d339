// swift-tools-version: 6.0
import PackageDescription

// Module layering (imports only go downwards; scripts/check-imports.py checks that each target's
// dependencies below equal what its sources import):
//   CCCDPrimitives (hex, lock box, JSON settings; depends on nothing)
//   CCCDTransport (APDU, PC/SC, transcripts)   CCCDMRZ (MRZ, check digits)   CCCDCrypto (OpenSSL 3)
//   CCCDLDS (pure parsing: data groups, EF.SOD, SecurityInfos of EF.CardAccess / DG14 and the algorithms
//     they name; no card I/O, no OpenSSL)
//     → CCCDProtocols (secure messaging, BAC, PACE; the domain parameters SecurityInfos name, as groups)
//     → CCCDVerification (passive authentication, signatures, trust store, the verdict model; on CCCDLDS
//       and CCCDCrypto only, not CCCDProtocols or CCCDTransport: it never talks to a card)
//       → CCCDChipAuthentication (anti-clone checks: Active and Chip Authentication, PACE-CAM, over the
//         card through CCCDTransport's APDUSender and offline from a dump's evidence)
//         → CCCDKit (facade; re-exports the modules above)   CCCDTrust (trust store folder, on CCCDVerification)
//           → CCCDDoctor (installation checks)
//             → cccd (CLI)   CCCDDaemon → cccdd
//   CCCDDaemonAPI (the daemon's request decoding, fuzzed) needs only CCCDLDS and CCCDMRZ value types,
//   not CCCDKit (no PC/SC, no OpenSSL); CCCDDaemon maps its requests to CCCDKit's types.
//   CCCDFace (image decoding, templates; the dlib + OpenCV shims through CFaceNativeAPI, loaded on first use
//   from the dynamic library product CCCDFaceNative) and CCCDAudit (SQLite journal) stand beside the chain
//   and are joined only by cccd, cccd-bench, CCCDDoctor and CCCDDaemon.
//   CCCDVirtualCard is the chip side used by `cccd sim` and the tests; it shares only the
//   transport types and OpenSSL wrappers, never the reader-side protocol code.
let package = Package(
    name: "CCCDKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CCCDKit", targets: ["CCCDKit"]),
        // Separate product: it needs dlib and OpenCV DNN (scripts/setup.sh), which CCCDKit does not.
        .library(name: "CCCDFace", targets: ["CCCDFace"]),
        // The dlib and OpenCV shims as libCCCDFaceNative.so. Nothing links it: CCCDFace opens it with dlopen
        // on the first face operation (FaceNativeLibrary), so that the daemon's idle process does not map
        // dlib, OpenCV, BLAS and their dependencies. `--product cccdd` does not build it: build scripts add
        // `swift build --product CCCDFaceNative`; an integrator depends on this product next to CCCDFace.
        .library(name: "CCCDFaceNative", type: .dynamic, targets: ["CDlibShim", "CPadShim"]),
        .executable(name: "cccd", targets: ["cccd"]),
        .executable(name: "cccdd", targets: ["cccdd"]),
        .executable(name: "cccd-bench", targets: ["cccd-bench"]),
        .executable(name: "cccd-datasets", targets: ["cccd-datasets"]),
        // Fuzz driver: scripts/fuzz.sh builds it with libFuzzer; a plain build is a replay tool.
        .executable(name: "cccd-fuzz", targets: ["cccd-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // `swift package generate-documentation --target CCCDKit` (the DocC catalog; scripts/docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(
            name: "CPCSCLite", pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(
            name: "COpenJPEG", pkgConfig: "libopenjp2",
            providers: [.apt(["libopenjp2-7-dev"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CWebP", pkgConfig: "libwebp",
            providers: [.apt(["libwebp-dev"])]),
        // glibc's <malloc.h> (mallopt), for the daemon's allocator arenas; part of libc6-dev.
        .systemLibrary(name: "CGlibcMalloc"),

        // dlib face pipeline behind a plain C header. dlib's pkg-config file lists absolute library
        // paths that SwiftPM drops, so the libraries are named here. The shim is compiled with -O2 even
        // in debug builds: dlib's detector, landmark and image code is header templates, ~95x slower
        // at -O0, and clang (unlike GCC) has no per-file optimize pragma or attribute.
        // No unsafe flags (SwiftPM refuses them in versioned dependencies): debug test runs get an
        // optimised shim from the command line instead (scripts/test.sh passes -Xcxx -O2).
        .target(
            name: "CDlibShim",
            dependencies: ["CFaceNativeAPI"],
            linkerSettings: [
                .linkedLibrary("dlib"), .linkedLibrary("lapack"), .linkedLibrary("blas"),
                .linkedLibrary("stdc++"),
            ]),

        // Presentation-attack detection (MiniFASNet ONNX models) with Debian's OpenCV DNN behind a plain
        // C header. OpenCV's headers live in /usr/include/opencv4; the target reaches them through the
        // link system/opencv2 (a header search path inside the package, not an unsafe -I flag).
        .target(
            name: "CPadShim",
            dependencies: ["CFaceNativeAPI"],
            exclude: ["system"],
            cxxSettings: [.headerSearchPath("system")],
            linkerSettings: [
                .linkedLibrary("opencv_dnn"), .linkedLibrary("opencv_imgproc"), .linkedLibrary("opencv_core"),
                .linkedLibrary("stdc++"),
            ]),

        // The C types and function tables shared by the two shims (inside libCCCDFaceNative.so) and CCCDFace,
        // and the dlopen/dlsym loader CCCDFace calls; links nothing of dlib or OpenCV.
        .target(name: "CFaceNativeAPI"),

        // Hex text, the lock box and the JSON settings every module shares; depends on nothing.
        .target(name: "CCCDPrimitives"),
        .target(name: "CCCDTransport", dependencies: ["CCCDPrimitives", "CPCSCLite"]),
        .target(name: "CCCDMRZ"),
        .target(name: "CCCDCrypto", dependencies: ["CCCDPrimitives", "COpenSSL"]),
        .target(
            name: "CCCDProtocols",
            dependencies: [
                "CCCDPrimitives", "CCCDTransport", "CCCDCrypto", "CCCDMRZ", "CCCDLDS",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        .target(
            name: "CCCDLDS",
            dependencies: ["CCCDPrimitives", "CCCDMRZ", .product(name: "SwiftASN1", package: "swift-asn1")]),
        .target(
            name: "CCCDVirtualCard",
            dependencies: [
                "CCCDPrimitives", "CCCDTransport", "CCCDCrypto", "COpenSSL", .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        .target(
            name: "CCCDKit",
            dependencies: [
                "CCCDPrimitives", "CCCDTransport", "CCCDMRZ", "CCCDCrypto", "CCCDProtocols", "CCCDLDS", "CCCDVerification",
                "CCCDChipAuthentication",
            ]),
        // Passive authentication and the verdict model; no card I/O (neither CCCDTransport nor CCCDProtocols).
        .target(
            name: "CCCDVerification",
            dependencies: [
                "CCCDPrimitives", "COpenSSL", "CCCDCrypto", "CCCDLDS", "CCCDMRZ",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        // The anti-clone checks: Active Authentication, Chip Authentication and PACE-CAM, live over the
        // card and offline from a dump's evidence.
        .target(
            name: "CCCDChipAuthentication",
            dependencies: [
                "CCCDVerification", "CCCDProtocols", "CCCDTransport", "CCCDCrypto", "CCCDLDS",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),

        // Synthetic Vietnamese cards and their test PKI (TestVectors/datasets), used by the
        // `cccd-datasets` generator and by the verification tests.
        .target(
            name: "CCCDTestData",
            dependencies: [
                "CCCDPrimitives", "COpenSSL", "CCCDCrypto", "CCCDLDS", "CCCDMRZ",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        // The default trust store folder: list, add, remove, health check, and refresh from the
        // issuers' distribution points over HTTP (AsyncHTTPClient), all verified with OpenSSL.
        .target(
            name: "CCCDTrust",
            dependencies: [
                "CCCDPrimitives", "CCCDVerification", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "cccd-datasets",
            dependencies: ["CCCDTestData", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Face comparison (chip photo against live photo); takes image bytes, independent of CCCDLDS.
        .target(name: "CCCDFace", dependencies: ["CCCDPrimitives", "CFaceNativeAPI", "CTurboJPEG", "COpenJPEG", "CPNG", "CWebP"]),

        // `cccd doctor` and `GET /v1/diagnostics`: the installation checks (PC/SC, readers, card, trust
        // store, face models, daemon configuration, clock). Below cccd and CCCDDaemon; it parses the
        // daemon's configuration file itself (a few fields) so that it never imports CCCDDaemon.
        .target(
            name: "CCCDDoctor",
            dependencies: [
                "CCCDPrimitives", "CCCDTransport", "CCCDKit", "CCCDLDS", "CCCDVerification", "CCCDTrust", "CCCDFace",
                "CCCDCrypto",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),

        // Audit journal of the daemon's reads, verifications and face comparisons (SQLite through GRDB);
        // stores only a salted HMAC of the ID number.
        .target(
            name: "CCCDAudit",
            dependencies: [
                "CCCDCrypto", .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_file_control (persistent WAL), which GRDB does not wrap.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The daemon's per-client tokens file (hashed secrets, scopes), shared by cccdd and `cccd token`.
        .target(name: "CCCDClientTokens", dependencies: ["CCCDPrimitives", "CCCDCrypto"]),

        .executableTarget(
            name: "cccd",
            dependencies: [
                "CCCDPrimitives", "CCCDKit", "CCCDVirtualCard", "CCCDVerification", "CCCDLDS", "CCCDMRZ", "CCCDFace", "CCCDAudit",
                "CCCDTrust", "CCCDProtocols", "CCCDCrypto", "CCCDDoctor", "CCCDTransport", "CCCDClientTokens",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The daemon's request bodies and error shape: pure decoders, no HTTP server (fuzzed).
        .target(
            name: "CCCDDaemonAPI",
            dependencies: ["CCCDPrimitives", "CCCDLDS", "CCCDMRZ", .product(name: "HTTPTypes", package: "swift-http-types")]),
        // The counter daemon: configuration, security checks, reader manager, HTTP API, events.
        .target(
            name: "CCCDDaemon",
            dependencies: [
                "CCCDPrimitives", "CCCDDaemonAPI", "CCCDKit", "CCCDVerification", "CCCDLDS", "CCCDTransport", "CCCDFace",
                "CCCDCrypto", "CCCDAudit", "CCCDTellerPage", "CCCDTrust", "CCCDDoctor", "CCCDClientTokens",
                .target(name: "CGlibcMalloc", condition: .when(platforms: [.linux])),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("OpenAPI/openapi.json"), .copy("OpenAPI/schema")]),
        .executableTarget(
            name: "cccdd",
            dependencies: [
                "CCCDDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "cccd-bench",
            dependencies: [
                "CCCDKit", "CCCDVirtualCard", "CCCDTestSupport", "CCCDVerification", "CCCDChipAuthentication", "CCCDTestData",
                "CCCDLDS", "CCCDProtocols", "CCCDCrypto", "COpenSSL", "CCCDFace", "CCCDTransport", "CCCDPrimitives",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/cccd-bench"),

        // Entry functions for fuzzing every parser that sees card or network bytes (shared by the
        // libFuzzer driver and the tests that replay the corpus and the crash reproducers).
        .target(
            name: "CCCDFuzzing",
            dependencies: [
                "CCCDPrimitives", "CCCDTransport", "CCCDMRZ", "CCCDCrypto", "CCCDProtocols", "CCCDLDS", "CCCDVerification",
                "CCCDChipAuthentication", "CCCDTestData", "CCCDKit",
                "CCCDDaemonAPI", .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .executableTarget(name: "cccd-fuzz", dependencies: ["CCCDFuzzing"]),

        // The teller / kiosk web page served by cccdd (HTML, CSS, JavaScript; no code of its own
        // beyond the asset lookup).
        .target(name: "CCCDTellerPage", resources: [.copy("Assets")]),

        // Test bed shared by tests and benchmarks: private pcscd + vpcd + virtual card; where the tests
        // find ../shared and TestVectors (SharedFolder).
        .target(name: "CCCDTestSupport", dependencies: ["CCCDPrimitives", "CCCDTransport", "CCCDMRZ", "CCCDVirtualCard"]),

        .testTarget(name: "CCCDTransportTests", dependencies: ["CCCDPrimitives", "CCCDTransport"]),
        .testTarget(name: "CCCDMRZTests", dependencies: ["CCCDMRZ", "CCCDTestSupport"]),
        .testTarget(
            name: "CCCDProtocolsTests",
            dependencies: [
                "CCCDPrimitives", "CCCDProtocols", "CCCDLDS", "CCCDCrypto", "CCCDTransport", "CCCDMRZ", "CCCDTestSupport",
            ]),
        .testTarget(name: "CCCDLDSTests", dependencies: ["CCCDPrimitives", "CCCDLDS", "CCCDMRZ", "CCCDCrypto", "CCCDTestSupport"]),
        .testTarget(
            name: "CCCDVirtualCardTests",
            dependencies: [
                "CCCDPrimitives", "CCCDVirtualCard", "CCCDTransport", "CCCDProtocols", "CCCDLDS", "CCCDCrypto",
                "CCCDTestSupport",
            ]),
        .testTarget(
            name: "CCCDIntegrationTests",
            dependencies: [
                "CCCDKit", "CCCDLDS", "CCCDTransport", "CCCDVirtualCard", "CCCDTestSupport", "CCCDProtocols", "CCCDCrypto",
                "CCCDVerification", "CCCDAudit", "CCCDTestData",
            ]),
        .testTarget(
            name: "CCCDVerificationTests",
            dependencies: [
                "CCCDPrimitives", "CCCDVerification", "CCCDChipAuthentication", "CCCDTestData", "CCCDLDS", "CCCDProtocols",
                "CCCDCrypto", "CCCDTransport", "CCCDVirtualCard", "CCCDTestSupport", "CCCDTrust", "CCCDKit",
            ]),
        .testTarget(name: "CCCDFaceTests", dependencies: ["CCCDFace", "CCCDTestSupport", "CWebP"]),
        // Corpus/ and Regressions/ are fuzz inputs read by path (#filePath), not resources.
        .testTarget(
            name: "CCCDFuzzingTests", dependencies: ["CCCDPrimitives", "CCCDFuzzing", "CCCDLDS", "CCCDTransport"],
            exclude: ["Corpus", "Regressions"]),
        .testTarget(
            name: "CCCDDaemonTests",
            dependencies: [
                "CCCDPrimitives", "CCCDDaemon", "CCCDFace", "CCCDDaemonAPI", "CCCDKit", "CCCDLDS", "CCCDAudit", "CCCDTestSupport",
                "CCCDClientTokens", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(name: "CCCDDoctorTests", dependencies: ["CCCDDoctor"]),
        .testTarget(name: "RepositoryTests", dependencies: []),
        .testTarget(name: "CCCDAuditTests", dependencies: ["CCCDAudit", "CCCDCrypto", "CCCDTestSupport"]),
        .testTarget(name: "CCCDTellerPageTests", dependencies: ["CCCDTellerPage"]),
    ],
    swiftLanguageModes: [.v6]
)
