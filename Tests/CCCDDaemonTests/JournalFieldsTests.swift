import CCCDAudit
import CCCDTestSupport
import Foundation
import Testing

@testable import CCCDDaemon

/// The systemd-journal copy of audit events: exact fields, the native-protocol encoding, delivery
/// to a datagram socket, silence without one, and the `logging` configuration.
@Suite struct JournalFieldsTests {
    static func names(_ fields: [(String, String)]) -> [String] { fields.map(\.0) }

    @Test func aReadGivesExactlyTheseFields() {
        let row = AuditRecorder.Row(
            operation: .read, clientID: "kiosk-000123", reader: "Virtual PCD 00 00", outcome: "ok", passive: "valid",
            active: "valid", chip: "valid", overall: "valid", similarity: nil, durationMilliseconds: 1234.56,
            personalNumber: "079190012345", readId: "5f0c7a9e-1111-4222-8333-944445555666")
        let fields = JournalFields.fields(for: row, client: "kiosk-#abcdefghijkl")
        let expected: [(String, String)] = [
            ("MESSAGE", "cccdd audit: read ok (valid)"), ("PRIORITY", "6"), ("SYSLOG_IDENTIFIER", "cccdd"),
            ("CCCD_EVENT", "read"), ("CCCD_OUTCOME", "ok"), ("CCCD_VERDICT", "valid"), ("CCCD_PASSIVE", "valid"),
            ("CCCD_ACTIVE", "valid"), ("CCCD_CHIP", "valid"), ("CCCD_READ_ID", "5f0c7a9e-1111-4222-8333-944445555666"),
            ("CCCD_READER", "Virtual PCD 00 00"), ("CCCD_CLIENT", "kiosk-#abcdefghijkl"), ("CCCD_DURATION_MS", "1234.6"),
        ]
        #expect(fields.map { "\($0.0)=\($0.1)" } == expected.map { "\($0.0)=\($0.1)" })
        // No personal data: neither the number nor its hash, whatever the row carries.
        #expect(!fields.contains { $0.1.contains("079190012345") })
        #expect(!Self.names(fields).contains { $0.contains("HASH") || $0.contains("ID_NUMBER") })
    }

    @Test func failuresComparisonsAndExportsHaveTheirOwnFields() {
        let failed = AuditRecorder.Row(
            operation: .read, clientID: "local", reader: "R", outcome: "wrong_access_key", passive: nil, active: nil,
            chip: nil, overall: nil, similarity: nil, durationMilliseconds: 80, personalNumber: nil)
        #expect(
            JournalFields.fields(for: failed, client: nil).map { "\($0.0)=\($0.1)" } == [
                "MESSAGE=cccdd audit: read wrong_access_key", "PRIORITY=5", "SYSLOG_IDENTIFIER=cccdd", "CCCD_EVENT=read",
                "CCCD_OUTCOME=wrong_access_key", "CCCD_READER=R", "CCCD_DURATION_MS=80.0",
            ])
        let compare = AuditRecorder.Row(
            operation: .compare, clientID: "t", reader: nil, outcome: "ok", passive: nil, active: nil, chip: nil,
            overall: nil, similarity: 0.87654, durationMilliseconds: 412, personalNumber: "079190012345", liveness: "live")
        #expect(
            JournalFields.fields(for: compare, client: "t").map { "\($0.0)=\($0.1)" } == [
                "MESSAGE=cccdd audit: compare ok", "PRIORITY=6", "SYSLOG_IDENTIFIER=cccdd", "CCCD_EVENT=compare",
                "CCCD_OUTCOME=ok", "CCCD_LIVENESS=live", "CCCD_SIMILARITY=0.8765", "CCCD_CLIENT=t", "CCCD_DURATION_MS=412.0",
            ])
        let export = AuditRecorder.Row(
            operation: .evidenceExport, clientID: "t", reader: nil, outcome: "ok", durationMilliseconds: 0,
            format: "jws", readId: "r-1")
        #expect(
            JournalFields.fields(for: export, client: "t").map { "\($0.0)=\($0.1)" } == [
                "MESSAGE=cccdd audit: evidence-export ok", "PRIORITY=6", "SYSLOG_IDENTIFIER=cccdd",
                "CCCD_EVENT=evidence-export", "CCCD_OUTCOME=ok", "CCCD_FORMAT=jws", "CCCD_READ_ID=r-1", "CCCD_CLIENT=t",
            ])
    }

    @Test func theNativeProtocolEncodingIsExact() throws {
        let plain = JournalFields.datagram([("A", "b c"), ("CCCD_EVENT", "read")])
        #expect(plain == Array("A=b c\nCCCD_EVENT=read\n".utf8))
        let multiline = JournalFields.datagram([("MESSAGE", "x\ny")])
        #expect(multiline == Array("MESSAGE\n".utf8) + [3, 0, 0, 0, 0, 0, 0, 0] + Array("x\ny\n".utf8))
        let parsed = try FakeJournal.parse(plain + multiline)
        #expect(parsed.map { "\($0.0)=\($0.1)" } == ["A=b c", "CCCD_EVENT=read", "MESSAGE=x\ny"])
    }

    @Test func theSinkDeliversToADatagramSocketAndIsSilentWithout() throws {
        let journal = try FakeJournal()
        let sink = JournalSink(path: journal.path)
        #expect(sink.send([("CCCD_EVENT", "verify"), ("MESSAGE", "two\nlines")]))
        let entry = try #require(try journal.receive())
        #expect(entry.map { "\($0.0)=\($0.1)" } == ["CCCD_EVENT=verify", "MESSAGE=two\nlines"])
        // No journal there: nothing thrown, nothing blocks, the send just reports false.
        let missing = JournalSink(path: "/nonexistent-\(UUID().uuidString)/socket")
        #expect(!missing.send([("CCCD_EVENT", "read")]))
    }

    @Test func loggingIsConfigurable() throws {
        let defaults = try ConfigurationLoader.parse(Data("{}".utf8))
        #expect(defaults.logging == DaemonLogging(journal: true, journalSocket: "/run/systemd/journal/socket"))
        let off = try ConfigurationLoader.parse(Data(#"{"logging":{"journal":false}}"#.utf8))
        #expect(off.logging.journal == false)
        let relay = try ConfigurationLoader.parse(Data(#"{"logging":{"journalSocket":"/run/relay.sock"}}"#.utf8))
        #expect(relay.logging.journal && relay.logging.journalSocket == "/run/relay.sock")
        #expect(throws: ConfigurationError.unknownKey("logging.syslog")) {
            try ConfigurationLoader.parse(Data(#"{"logging":{"syslog":true}}"#.utf8))
        }
        var relative = DaemonConfiguration()
        relative.logging.journalSocket = "journal.sock"
        #expect(
            throws: ConfigurationError.invalidValue(
                key: "logging.journalSocket", reason: "must be an absolute path shorter than 108 bytes")
        ) {
            try ConfigurationValidator.validate(relative)
        }
    }
}
