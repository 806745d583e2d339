import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The systemd-journal copy of audit events, end to end: the built daemon with `logging.journalSocket`
/// at a datagram socket of the test (no journald here), a real read on the virtual card, then the
/// entries received and parsed: the structured fields, the read id and the client as the audit
/// journal has them, no personal data.
extension PCSCEndToEnd {
    @Test func daemonSendsStructuredAuditEventsToTheJournal() throws {
        let journal = try FakeJournal()
        let daemon = try DaemonProcess(
            trust: [Self.trustFolder], extraConfiguration: ["logging": ["journal": true, "journalSocket": journal.path]])
        defer { daemon.stop() }
        _ = try daemon.waitForReaders(2, timeout: 10) { $0["busy"] as? Bool == false }
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        let reply = try daemon.json(
            "POST", "/v1/readers/0/read", ["access": ["can": "012345"]], headers: ["X-Client-Id: kiosk-000123"])
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let readId = try #require(reply.json?["readId"] as? String)
        let read = try #require(try journal.receive())
        let fields = Dictionary(read, uniquingKeysWith: { first, _ in first })
        #expect(fields["SYSLOG_IDENTIFIER"] == "cccdd" && fields["PRIORITY"] == "6")
        #expect(fields["MESSAGE"] == "cccdd audit: read ok (valid)")
        #expect(fields["CCCD_EVENT"] == "read" && fields["CCCD_OUTCOME"] == "ok" && fields["CCCD_VERDICT"] == "valid")
        #expect(fields["CCCD_PASSIVE"] == "valid")
        #expect(fields["CCCD_READ_ID"] == readId)
        #expect(fields["CCCD_READER"] == bed.readerNames[0])
        #expect(Double(fields["CCCD_DURATION_MS"] ?? "") ?? 0 > 0)
        // The client as the audit journal stores it: the 6-digit run is a keyed pseudonym.
        let rows = try Self.auditRows(daemon)
        let row = try #require(rows.last)
        #expect(row.readId == readId)
        #expect(
            fields["CCCD_CLIENT"] == row.clientID && row.clientID.hasPrefix("legacy/kiosk-#") && !row.clientID.contains("000123"))
        try Self.expectNoPersonalData(in: read.map { "\($0.0)=\($0.1)" }.joined(separator: "\n"), "the journal entry")

        let export = try daemon.request("GET", "/v1/reads/\(readId)/evidence")
        #expect(export.status == 200)
        let exported = Dictionary(try #require(try journal.receive()), uniquingKeysWith: { first, _ in first })
        #expect(exported["CCCD_EVENT"] == "evidence-export" && exported["CCCD_READ_ID"] == readId)
        #expect(exported["CCCD_FORMAT"] == "cccdkit" && exported["CCCD_CLIENT"] == "legacy")

        // A refused read is an event too, with its error code as the outcome and no verdict.
        let refused = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "111111"]])
        #expect(refused.status == 422)
        let failed = Dictionary(try #require(try journal.receive()), uniquingKeysWith: { first, _ in first })
        #expect(failed["CCCD_EVENT"] == "read" && failed["CCCD_OUTCOME"] == refused.errorCode && failed["PRIORITY"] == "5")
        #expect(failed["CCCD_VERDICT"] == nil && failed["CCCD_READ_ID"] == nil)
    }
}
