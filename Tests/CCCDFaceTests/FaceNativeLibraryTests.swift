import CCCDTestSupport
import Foundation
import Testing

@testable import CCCDFace

/// The face native library (libCCCDFaceNative.so) is opened on first use: where it is looked for, the
/// typed error when it cannot be, and that a face operation then fails with that error, not a crash.
@Suite("Face native library loading")
struct FaceNativeLibraryTests {
    @Test("The environment variable names the only place tried; a missing file is a typed error")
    func missingLibraryFromEnvironment() {
        let missing = "/nonexistent/cccdkit/\(FaceNativeLibrary.fileName)"
        let candidates = FaceNativeLibrary.candidates(
            environment: [FaceNativeLibrary.environmentVariable: missing], executable: "/usr/lib/cccdkit/bin/cccdd")
        #expect(candidates == [missing])
        #expect(throws: FaceError.nativeLibraryUnavailable(tried: ["\(missing): no such file"])) {
            try FaceNativeLibrary.open(candidates: candidates)
        }
        let message = FaceError.nativeLibraryUnavailable(tried: ["\(missing): no such file"]).description
        #expect(message.contains(missing) && message.contains(FaceNativeLibrary.environmentVariable))
    }

    @Test("A file that is not a library gives the dynamic linker's reason")
    func notALibrary() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-library-\(UUID().uuidString).so")
        try Data("not an ELF file".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try FaceNativeLibrary.open(candidates: [file.path, "libCCCDFaceNative-absent.so"])
        } throws: { error in
            guard case FaceError.nativeLibraryUnavailable(let tried) = error, tried.count == 2 else { return false }
            // dlopen's own words for both: a bad file, and a name the linker does not find.
            return tried[0].hasPrefix(file.path + ": ") && !tried[0].hasSuffix("no such file")
                && tried[1].contains("libCCCDFaceNative-absent.so: cannot open shared object file")
        }
    }

    @Test("Without the variable: the executable's folder, ../lib, the package's folder, then the linker")
    func searchOrder() {
        let candidates = FaceNativeLibrary.candidates(environment: [:], executable: "/opt/app/bin/cccdd")
        #expect(
            candidates == [
                "/opt/app/bin/\(FaceNativeLibrary.fileName)", "/opt/app/lib/\(FaceNativeLibrary.fileName)",
                "/usr/lib/cccdkit/lib/\(FaceNativeLibrary.fileName)", FaceNativeLibrary.fileName,
            ])
    }

    @Test("The build puts the library next to the test bundle, where the default search finds it")
    func loadsFromTheBuild() throws {
        let path = try FaceNativeLibrary.load()
        #expect(path.hasSuffix("/" + FaceNativeLibrary.fileName))
        #expect(FaceNativeLibrary.loadedPath == path)
        let executable = try #require(FaceNativeLibrary.executablePath())
        #expect(
            URL(fileURLWithPath: path).deletingLastPathComponent().path
                == URL(fileURLWithPath: executable).deletingLastPathComponent().standardizedFileURL.path)
    }

    @Test("cccd match without the library: the typed error, exit status 2, no crash")
    func matchWithoutLibrary() throws {
        // The photos must be there (a clear failure otherwise), so that the library is what is missing.
        _ = try TestData.bytes("chip/obama-jpeg-8k.jpg") + TestData.bytes("live/obama3-1280x720.jpg")
        let cccd = BuiltExecutable.url("cccd", repositoryRoot: SharedFolder.repositoryRoot)
        let (status, output) = try BuiltExecutable.run(
            cccd,
            [
                "match", "--json", TestData.directory.appendingPathComponent("chip/obama-jpeg-8k.jpg").path,
                TestData.directory.appendingPathComponent("live/obama3-1280x720.jpg").path,
            ],
            in: SharedFolder.repositoryRoot,
            environment: [FaceNativeLibrary.environmentVariable: "/nonexistent/\(FaceNativeLibrary.fileName)"])
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
        let error = json["error"] as? [String: Any]
        #expect(status == 2, "\(output)")
        #expect(error?["kind"] as? String == "native-library-unavailable", "\(output)")
        #expect((error?["message"] as? String)?.contains("/nonexistent/\(FaceNativeLibrary.fileName)") == true)
    }
}
