import CCCDAudit
import CCCDCrypto
import Foundation
import Testing

@Suite struct AuditSaltTests {
    @Test func createdOnceWithMode0600And32Bytes() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("audit.salt")
        _ = try AuditSalt.loadOrCreate(at: path)
        #expect(try posixMode(path) == 0o600)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(first.count == AuditSalt.length)
        #expect(Set(first).count > 8)  // random, not a constant fill
        _ = try AuditSalt.loadOrCreate(at: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["audit.salt"])
    }

    @Test func hashIsStablePerSaltAndDiffersAcrossSalts() throws {
        let dir = try AuditTestDirectory()
        let saltA = try AuditSalt.loadOrCreate(at: dir.path("a.salt"))
        let journalA = try AuditJournal(path: dir.path("a.sqlite"), salt: saltA, retention: nil)
        // The same salt file loaded again (another process, a restart) hashes the same.
        let journalA2 = try AuditJournal(
            path: dir.path("a2.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("a.salt")), retention: nil)
        let journalB = try AuditJournal(
            path: dir.path("b.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("b.salt")), retention: nil)

        let id = "079190012345"
        let hash = journalA.hashID(id)
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(journalA.hashID(id) == hash)
        #expect(journalA2.hashID(id) == hash)
        #expect(journalA.hashID(" \(id)\n") == hash)
        #expect(journalB.hashID(id) != hash)
        #expect(journalA.hashID("079190012346") != hash)

        // It is HMAC-SHA256 keyed with the salt file's bytes.
        let saltBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path("a.salt"))))
        let expected = try HMAC.authenticate(key: saltBytes, data: Array(id.utf8), digest: .sha256)
        #expect(hash == expected.map { String(format: "%02x", $0) }.joined())
    }

    @Test func refusesASaltOthersCanRead() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("audit.salt")
        _ = try AuditSalt.loadOrCreate(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: AuditError.saltNotPrivate(path: path, mode: 0o644)) { try AuditSalt.loadOrCreate(at: path) }
        // Not even the group may read it (issue #17): with the salt, hashed IDs can be brute-forced.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(throws: AuditError.saltNotPrivate(path: path, mode: 0o640)) { try AuditSalt.loadOrCreate(at: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        _ = try AuditSalt.loadOrCreate(at: path)
    }

    @Test func refusesASaltOfTheWrongLength() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("audit.salt")
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 16),
                                       attributes: [.posixPermissions: 0o600])
        #expect(throws: AuditError.saltInvalid(path: path, length: 16)) { try AuditSalt.loadOrCreate(at: path) }
        _ = FileManager.default.createFile(atPath: dir.path("long"), contents: Data(repeating: 7, count: 64),
                                       attributes: [.posixPermissions: 0o600])
        #expect(throws: AuditError.self) { try AuditSalt.loadOrCreate(at: dir.path("long")) }
    }

    @Test func reportsAMissingDirectory() {
        #expect(throws: AuditError.self) { try AuditSalt.loadOrCreate(at: "/nonexistent-cccdkit-dir/audit.salt") }
    }
}

@Suite struct HMACTests {
    /// RFC 4231 test cases 1 and 2 (HMAC-SHA-256).
    @Test func rfc4231Vectors() throws {
        let case1 = try HMAC.authenticate(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8))
        #expect(case1.map { String(format: "%02x", $0) }.joined()
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let case2 = try HMAC.authenticate(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(case2.map { String(format: "%02x", $0) }.joined()
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
