import CCCDPrimitives
import CFaceNativeAPI
import Foundation

/// The face native library, `libCCCDFaceNative.so` (the dlib and OpenCV DNN shims, the library product
/// `CCCDFaceNative`). CCCDFace does not link it: it is opened with dlopen on the first face operation, so
/// that a process that never compares a face (the daemon until its first comparison, `cccd read`
/// without `--live`) never maps dlib, OpenCV, BLAS and their dependencies (~13 MB of RSS and OpenBLAS's
/// threads).
///
/// Where it is looked for, in order: the path in `CCCD_FACE_NATIVE_LIBRARY` (then nowhere else); the
/// running executable's folder (SwiftPM builds it next to the executables and the test bundle); `../lib`
/// beside that folder and `/usr/lib/cccdkit/lib` (the Debian package); the dynamic linker's own search
/// (already loaded, `LD_LIBRARY_PATH`, the system's library folders).
public enum FaceNativeLibrary {
    /// The environment variable naming the library's path.
    public static let environmentVariable = "CCCD_FACE_NATIVE_LIBRARY"
    #if os(macOS)
        public static let fileName = "libCCCDFaceNative.dylib"
    #else
        public static let fileName = "libCCCDFaceNative.so"
    #endif
    /// Where the Debian package installs it (scripts/package-deb.sh).
    public static let installedDirectory = "/usr/lib/cccdkit/lib"

    /// The two function tables of a loaded library.
    struct Functions: @unchecked Sendable {
        let dlib: cdlib_api
        let pad: cpad_api
        let path: String
    }

    // Loaded once; a failure is not kept, so a library installed later is found by the next call.
    private static let state = LockedBox<Functions?>(nil)

    /// Loads the library unless it is loaded; returns where it was loaded from.
    @discardableResult
    public static func load() throws(FaceError) -> String {
        try shared().path
    }

    /// The path the library was loaded from, nil while it is not loaded (this never loads it).
    public static var loadedPath: String? { state.withLock { $0?.path } }

    /// The loaded library's functions, loading it on the first call.
    static func shared() throws(FaceError) -> Functions {
        try state.withLock { (loaded) throws(FaceError) -> Functions in
            if let loaded { return loaded }
            let functions = try open(candidates: candidates())
            loaded = functions
            return functions
        }
    }

    /// The loaded library's functions without loading it (for deinitializers).
    static var loaded: Functions? { state.withLock { $0 } }

    /// The places to try, in order (see the type's documentation).
    static func candidates(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = executablePath()
    ) -> [String] {
        if let path = environment[environmentVariable], !path.isEmpty { return [path] }
        var paths: [String] = []
        if let executable {
            let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            paths.append(folder.appendingPathComponent(fileName).path)
            paths.append(folder.deletingLastPathComponent().appendingPathComponent("lib/" + fileName).path)
        }
        paths.append(installedDirectory + "/" + fileName)
        paths.append(fileName)
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    /// Opens the first candidate that loads; the error lists every candidate with its reason.
    static func open(candidates: [String]) throws(FaceError) -> Functions {
        var tried: [String] = []
        for path in candidates {
            // A path that does not exist is not worth dlopen's message; a bare name is the linker's search.
            if path.contains("/"), !FileManager.default.fileExists(atPath: path) {
                tried.append("\(path): no such file")
                continue
            }
            var dlib: UnsafePointer<cdlib_api>?
            var pad: UnsafePointer<cpad_api>?
            var message = [CChar](repeating: 0, count: 512)
            if cface_native_open(path, &dlib, &pad, &message, message.count) == 0, let dlib, let pad {
                return Functions(dlib: dlib.pointee, pad: pad.pointee, path: resolved(path))
            }
            tried.append("\(path): \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        throw .nativeLibraryUnavailable(tried: tried)
    }

    /// The running executable (`/proc/self/exe`: the real file, not a symbolic link to it).
    static func executablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }

    /// A bare name stays as given (the linker found it); a path is made absolute for messages.
    private static func resolved(_ path: String) -> String {
        path.contains("/") ? URL(fileURLWithPath: path).standardizedFileURL.path : path
    }
}
