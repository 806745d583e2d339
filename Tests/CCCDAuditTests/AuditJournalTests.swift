import CCCDAudit
import Foundation
import Testing

@Suite struct AuditJournalTests {
    static let clearID = "079190012345"

    func makeEntry(_ time: Date, operation: AuditOperation = .read, outcome: String = "ok", idHash: String? = nil)
        -> AuditEntry
    {
        AuditEntry(
            time: time, clientID: "teller-app", operation: operation, reader: "Virtual PCD 00 00", outcome: outcome,
            passive: "valid", active: "valid", chip: "notPerformed", overall: "valid", similarity: nil,
            durationMilliseconds: 1234.5, idHash: idHash)
    }

    @Test func recordedEntriesComeBackUnchangedOldestFirst() throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("audit.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        let base = Date(timeIntervalSince1970: 1_790_000_000.125)
        let read = makeEntry(base, idHash: journal.hashID(Self.clearID))
        var compare = makeEntry(base.addingTimeInterval(5), operation: .compare)
        compare.passive = nil; compare.active = nil; compare.chip = nil; compare.overall = nil
        compare.similarity = 0.8731; compare.reader = nil; compare.liveness = "attack-suspected"
        let verify = makeEntry(base.addingTimeInterval(2), operation: .verify, outcome: "invalid_request")
        for entry in [read, compare, verify] { try journal.record(entry) }

        #expect(try journal.entries() == [read, verify, compare])
        // Reopened from disk: same rows.
        let reopened = try AuditJournal(readingAt: dir.path("audit.sqlite"))
        #expect(try reopened.entries() == [read, verify, compare])
    }

    @Test func filtersByTimeRangeAndKeepsTheNewestWithALimit() throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("a.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        let entries = (0..<10).map { makeEntry(base.addingTimeInterval(Double($0) * 60)) }
        for entry in entries.shuffled() { try journal.record(entry) }

        #expect(try journal.entries() == entries)
        // since inclusive, until exclusive
        #expect(try journal.entries(since: entries[3].time, until: entries[6].time) == Array(entries[3..<6]))
        #expect(try journal.entries(limit: 3) == Array(entries[7...]))
        #expect(try journal.entries(since: entries[2].time, until: entries[8].time, limit: 2) == Array(entries[6..<8]))
        #expect(try journal.entries(limit: 0).isEmpty)
        #expect(try journal.entries(since: base.addingTimeInterval(3600)).isEmpty)
    }

    @Test func pruneDeletesOnlyEntriesOlderThanTheRetention() throws {
        let dir = try AuditTestDirectory()
        let salt = try AuditSalt.loadOrCreate(at: dir.path("salt"))
        let journal = try AuditJournal(path: dir.path("a.sqlite"), salt: salt, retention: .seconds(3600))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let old = [makeEntry(now.addingTimeInterval(-7200)), makeEntry(now.addingTimeInterval(-3601))]
        let recent = [makeEntry(now.addingTimeInterval(-3599)), makeEntry(now.addingTimeInterval(-10))]
        for entry in old + recent { try journal.record(entry) }

        #expect(try journal.pruneExpired(now: now) == 2)
        #expect(try journal.entries() == recent)
        #expect(try journal.pruneExpired(now: now) == 0)

        // Without a retention nothing is ever pruned.
        let keepAll = try AuditJournal(path: dir.path("a.sqlite"), salt: salt, retention: nil)
        #expect(try keepAll.pruneExpired(now: now.addingTimeInterval(1e9)) == 0)
        #expect(try keepAll.entries().count == 2)

        // Opening with a retention prunes at once (relative to the real clock: these rows are years old).
        _ = try AuditJournal(path: dir.path("a.sqlite"), salt: salt, retention: .seconds(86400 * 30))
        let check = try AuditJournal(readingAt: dir.path("a.sqlite"))
        #expect(try check.entries().isEmpty)
    }

    @Test func rejectsAZeroRetention() throws {
        let dir = try AuditTestDirectory()
        let salt = try AuditSalt.loadOrCreate(at: dir.path("salt"))
        #expect(throws: AuditError.invalidRetention) {
            try AuditJournal(path: dir.path("a.sqlite"), salt: salt, retention: .zero)
        }
    }

    @Test func theDatabaseFileHoldsTheHashButNeverTheClearIDNumber() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("audit.sqlite")
        let journal = try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        let hash = journal.hashID(Self.clearID)
        for i in 0..<20 { try journal.record(makeEntry(Date().addingTimeInterval(Double(i)), idHash: hash)) }

        var bytes = Data()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) where file.hasPrefix("audit.sqlite") {
            bytes.append(try Data(contentsOf: dir.url.appendingPathComponent(file)))
        }
        // The grep finds what was stored (the hash, the reader name) …
        #expect(bytes.range(of: Data(hash.utf8)) != nil)
        #expect(bytes.range(of: Data("Virtual PCD 00 00".utf8)) != nil)
        // … and not the ID number, in ASCII or UTF-16.
        #expect(bytes.range(of: Data(Self.clearID.utf8)) == nil)
        #expect(bytes.range(of: Self.clearID.data(using: .utf16LittleEndian)!) == nil)
        #expect(bytes.range(of: Self.clearID.data(using: .utf16BigEndian)!) == nil)
    }

    @Test func refusesEntriesThatCarryAnIDNumberInClear() throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("a.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        #expect(throws: AuditError.self) { try journal.record(makeEntry(Date(), idHash: Self.clearID)) }
        var leaky = makeEntry(Date())
        leaky.clientID = "kiosk \(Self.clearID)"
        #expect(throws: AuditError.personalDataRejected(field: "clientID")) { try journal.record(leaky) }
        leaky = makeEntry(Date(), outcome: "failed for 19900815")
        #expect(throws: AuditError.personalDataRejected(field: "outcome")) { try journal.record(leaky) }
        var negative = makeEntry(Date())
        negative.durationMilliseconds = -1
        #expect(throws: AuditError.self) { try journal.record(negative) }
        #expect(throws: AuditError.self) { try journal.record(makeEntry(Date(), outcome: "")) }
        // A reader name with a long serial number is not personal data.
        var serial = makeEntry(Date(timeIntervalSince1970: 1_790_000_000))
        serial.reader = "Identiv uTrust 3700 F CL Reader (55041720601456) 00 00"
        try journal.record(serial)
        #expect(try journal.entries() == [serial])
    }

    @Test func concurrentWritersLoseNoRows() async throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("a.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<200 {
                group.addTask {
                    var entry = makeEntry(Date(), operation: AuditOperation.allCases[i % 3])
                    entry.durationMilliseconds = Double(i)
                    try journal.record(entry)
                }
            }
            try await group.waitForAll()
        }
        let all = try journal.entries()
        #expect(all.count == 200)
        #expect(Set(all.map(\.durationMilliseconds)) == Set((0..<200).map(Double.init)))
    }

    @Test func aReadOnlyJournalListsButDoesNotWrite() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("a.sqlite")
        let journal = try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        let entry = makeEntry(Date(timeIntervalSince1970: 1_790_000_000))
        try journal.record(entry)
        let reader = try AuditJournal(readingAt: path)
        #expect(try reader.entries() == [entry])
        #expect(throws: AuditError.readOnly) { try reader.record(entry) }
        #expect(throws: AuditError.readOnly) { try reader.pruneExpired() }
        #expect(throws: AuditError.self) { try AuditJournal(readingAt: dir.path("missing.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.sqlite")))
    }

    @Test func theDatabaseFileIsNotWorldReadable() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("a.sqlite")
        _ = try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        #expect(try posixMode(path) == 0o640)
    }

    @Test func aFileThatIsNotAJournalIsRefused() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("not.sqlite")
        try Data("this is not SQLite, just text of some length to look like a header.....".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditError.self) {
            try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        }
        #expect(throws: AuditError.self) { try AuditJournal(readingAt: path) }
    }
}
