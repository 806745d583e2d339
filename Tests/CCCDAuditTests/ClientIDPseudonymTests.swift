import CCCDAudit
import Foundation
import Testing

/// Client ids with long digit runs are journaled as keyed pseudonyms, never refused and never in clear.
@Suite struct ClientIDPseudonymTests {
    @Test func longDigitRunsBecomeStableKeyedPseudonyms() throws {
        let dir = try AuditTestDirectory()
        let salt = try AuditSalt.loadOrCreate(at: dir.path("salt"))
        let journal = try AuditJournal(path: dir.path("audit.sqlite"), salt: salt, retention: nil)
        let kiosk = journal.pseudonymousClientID("kiosk-000123")
        #expect(kiosk.hasPrefix("kiosk-#") && kiosk.count == 19, "\(kiosk)")
        #expect(kiosk.unicodeScalars.dropFirst(7).allSatisfy { ("a"..."p").contains($0) })
        #expect(journal.pseudonymousClientID("kiosk-000123") == kiosk)
        #expect(journal.pseudonymousClientID("kiosk-000124") != kiosk)
        // Short runs and ids without digits stay readable.
        #expect(journal.pseudonymousClientID("teller-7") == "teller-7")
        #expect(journal.pseudonymousClientID("a12345b") == "a12345b")
        // An ID number sent as the client id never reaches the journal, and the row is written.
        let smuggled = journal.pseudonymousClientID("079190012345")
        #expect(!smuggled.contains("0791"))
        for id in [kiosk, smuggled, journal.pseudonymousClientID("x123456y7654321")] {
            try journal.record(AuditEntry(clientID: id, operation: .read, outcome: "ok", durationMilliseconds: 1))
        }
        #expect(try journal.entries().map(\.clientID).prefix(2) == [kiosk, smuggled])
        // Another salt gives another pseudonym (the mapping is keyed).
        let other = try AuditJournal(
            path: dir.path("other.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt2")), retention: nil)
        #expect(other.pseudonymousClientID("kiosk-000123") != kiosk)
    }
}
