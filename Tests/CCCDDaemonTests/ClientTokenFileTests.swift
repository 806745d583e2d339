import CCCDClientTokens
import CCCDDaemon
import Foundation
import Logging
import Testing

/// The tokens file (`cccd token`, `tokensFile`): hashed secrets, scopes, file checks, reload.
@Suite struct ClientTokenFileTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func addStoresOnlyTheHashAndMatchesTheSecret() throws {
        var file = ClientTokenFile()
        let secret = try file.add(name: "kiosk-1", scope: .kiosk)
        #expect(secret.count == 64 && secret.allSatisfy(\.isHexDigit))
        let entry = try #require(file.entries.first)
        #expect(entry.sha256 == ClientTokenFile.hash(secret) && entry.sha256 != secret)
        // SHA-256 of "abc" (FIPS 180-2 test vector): the hash is the standard one.
        #expect(ClientTokenFile.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(file.match(secret)?.name == "kiosk-1")
        #expect(file.match(secret.uppercased()) == nil && file.match(String(secret.dropLast())) == nil)
        #expect(file.match(entry.sha256) == nil, "the stored hash is not a credential")
        let encoded = String(decoding: file.encoded(), as: UTF8.self)
        #expect(!encoded.contains(secret))
        #expect(try ClientTokenFile.decode(file.encoded(), path: "t") == file)

        #expect(throws: ClientTokenFileError.self) { try file.add(name: "kiosk-1", scope: .teller) }
        for bad in ["", "legacy", "a b", "ngân-hàng", String(repeating: "x", count: 65)] {
            #expect(!ClientTokenFile.isValidName(bad), "\(bad)")
            #expect(throws: ClientTokenFileError.self) { try file.add(name: bad, scope: .monitor) }
        }
        #expect(file.revoke(name: "kiosk-1") && !file.revoke(name: "kiosk-1"))
        #expect(file.match(secret) == nil)
    }

    @Test func malformedFilesAreRefused() {
        let hash = String(repeating: "a", count: 64)
        for bad in [
            "", "[]", #"{"version":2,"tokens":[]}"#, #"{"version":1}"#,
            #"{"version":1,"tokens":[{"name":"a","scope":"root","sha256":"\#(hash)","created":"x"}]}"#,
            #"{"version":1,"tokens":[{"name":"a","scope":"kiosk","sha256":"abc","created":"x"}]}"#,
            #"{"version":1,"tokens":[{"name":"a","scope":"kiosk","sha256":"\#(hash.uppercased())","created":"x"}]}"#,
            #"{"version":1,"tokens":[{"name":"legacy","scope":"kiosk","sha256":"\#(hash)","created":"x"}]}"#,
            #"{"version":1,"tokens":[{"name":"a","scope":"kiosk","sha256":"\#(hash)","created":"x"},{"name":"a","scope":"teller","sha256":"\#(hash)","created":"x"}]}"#,
        ] {
            #expect(throws: ClientTokenFileError.self, "\(bad)") { try ClientTokenFile.decode(Data(bad.utf8), path: "t") }
        }
    }

    @Test func fileChecksAndAtomicSaveKeepingTheMode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cccdd-tokens.json").path
        #expect(try ClientTokenFile.load(path: path, owner: geteuid()).entries.isEmpty, "a missing file is empty")
        var file = ClientTokenFile()
        _ = try file.add(name: "a", scope: .teller)
        try file.save(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
        #expect(try ClientTokenFile.load(path: path, owner: geteuid()) == file)
        let before = try #require(ClientTokenFile.stamp(path: path))

        chmod(path, 0o600)
        _ = try file.add(name: "b", scope: .monitor)
        try file.save(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600, "mode kept")
        #expect(ClientTokenFile.stamp(path: path) != before, "a save changes the stamp")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cccdd-tokens.json"], "no temporary left")

        for mode: mode_t in [0o644, 0o660, 0o602] {
            chmod(path, mode)
            #expect(throws: ClientTokenFileError.self, "\(String(mode, radix: 8))") { try ClientTokenFile.load(path: path) }
        }
        chmod(path, 0o640)
        #expect(throws: ClientTokenFileError.self) { try ClientTokenFile.load(path: path, owner: geteuid() + 1) }
        #expect(throws: ClientTokenFileError.self) { try ClientTokenFile.load(path: folder.path) }
    }

    @Test func registryReloadsOnChangeAndFailsClosed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cccdd-tokens.json").path
        let legacy = String(repeating: "l", count: 40)
        var file = ClientTokenFile()
        let kiosk = try file.add(name: "kiosk-1", scope: .kiosk)
        try file.save(path: path)
        let registry = try ClientRegistry(legacy: AccessToken(legacy), tokensFile: path, logger: Logger(label: "test"))
        #expect(registry.authenticate(legacy) == .legacy)
        #expect(registry.authenticate(kiosk) == AuthenticatedClient(name: "kiosk-1", scope: .kiosk))
        #expect(registry.authenticate("nope") == nil)

        let monitor = try file.add(name: "mon", scope: .monitor)
        try file.save(path: path)
        #expect(registry.authenticate(monitor)?.scope == .monitor, "an added token works at once")
        file.revoke(name: "kiosk-1")
        try file.save(path: path)
        #expect(registry.authenticate(kiosk) == nil, "a revoked token is refused at once")

        // Broken file: no client token until fixed; the legacy token still works.
        try Data("{".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        #expect(registry.authenticate(monitor) == nil && registry.authenticate(legacy) == .legacy)
        try file.save(path: path)
        #expect(registry.authenticate(monitor)?.name == "mon")
        chmod(path, 0o666)
        #expect(registry.authenticate(monitor) == nil, "a file others may write is refused")
        // …and at start it stops the daemon.
        #expect(throws: ConfigurationError.self) {
            _ = try ClientRegistry(legacy: AccessToken(legacy), tokensFile: path, logger: Logger(label: "test"))
        }
    }

    @Test func eventsOfAReadReachOnlyItsOwnersStreams() async {
        let hub = EventHub()
        let a = hub.subscribe(limit: 10, owner: "a")!
        let b = hub.subscribe(limit: 10, owner: "b")!
        hub.publish(.readFinished(sessionId: "s", readId: "r-a", reader: "R", overall: "valid"), owner: "a")
        hub.publish(.cardRemoved(reader: "R"))
        hub.finishAll()
        var seenByA: [String] = []
        for await event in a { seenByA.append(event.type) }
        var seenByB: [String] = []
        for await event in b { seenByB.append(event.type) }
        #expect(seenByA == ["read-finished", "card-removed"])
        #expect(seenByB == ["card-removed"])
    }
}
