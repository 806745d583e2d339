import CCCDFuzzing
import CCCDPrimitives
import CCCDTransport
import Foundation
import Testing

/// The entry functions' strongest invariants only bite when their success path is reachable:
/// these tests pin that the fixed inputs they rely on really work, and that a broken input is
/// caught by the invariant rather than silently accepted.
@Suite("Fuzz entry functions reach their invariants")
struct InvariantReachabilityTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dataSetFile(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repository.appendingPathComponent("TestVectors/datasets/default/\(name)")))
    }

    @Test func genuineSODIsAcceptedAndAnyChangedByteIsNotValid() throws {
        let sod = try Self.dataSetFile("EF.SOD.bin")
        #expect(try FuzzTarget.sod.run(sod) == .accepted)
        // Flip one bit in the signed content, the signature, or the certificate: never `valid`
        // (the entry function throws when it sees `valid` for changed content).
        for index in stride(from: 4, to: sod.count, by: 37) {
            var changed = sod
            changed[index] ^= 0x01
            _ = try FuzzTarget.sod.run(changed)
        }
    }

    @Test func icaoWorkedExampleResponsesUnprotect() throws {
        // ICAO 9303-11 App. D.4: the responses to SELECT EF.COM (SSC …C228) and READ BINARY (…C22A).
        #expect(try FuzzTarget.secureMessaging.run([UInt8](hex: "00990290008E08FA855A5D4C50A8ED9000")) == .accepted)
        #expect(
            try FuzzTarget.secureMessaging.run([UInt8](hex: "028709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"))
                == .accepted)
        // The same response one SSC later does not verify.
        #expect(try FuzzTarget.secureMessaging.run([UInt8](hex: "01990290008E08FA855A5D4C50A8ED9000")) == .rejected)
    }

    @Test func structuredSecureMessagingRoundTripsAndRefusesFlippedBits() throws {
        #expect(try FuzzTarget.secureMessaging.run([UInt8](hex: "8000900060145F01")) == .accepted)
        for flags in stride(from: 0x40, through: 0x7F, by: 3) {
            #expect(try FuzzTarget.secureMessaging.run([0x80, UInt8(flags), 0x90, 0x00, 0x60, 0x14, 0x5F, 0x01]) == .rejected)
        }
    }

    @Test func responseChannelFollowsGetResponse() throws {
        // 61 04, then the 4 bytes with 90 00.
        #expect(try FuzzTarget.responseAPDU.run([2, 0x61, 0x04, 6, 1, 2, 3, 4, 0x90, 0x00]) == .accepted)
        // A one-byte answer is no response APDU.
        #expect(try FuzzTarget.responseAPDU.run([1, 0x90]) == .rejected)
    }

    @Test func daemonRequestsRoundTripAndBadBodiesGiveBoundedErrors() throws {
        func input(_ selector: UInt8, _ body: String) -> [UInt8] { [selector] + Array(body.utf8) }
        #expect(try FuzzTarget.daemonRequest.run(input(0, #"{"access": {"id": "079190012345", "dob": "1990-08-15", "expiry": "none"}, "options": {"timeoutSeconds": 0.1}}"#)) == .accepted)
        #expect(try FuzzTarget.daemonRequest.run(input(1, #"{"files": {"DG1": "YQ=="}}"#)) == .accepted)
        #expect(try FuzzTarget.daemonRequest.run(input(2, #"{"liveImage": "data:image/png;base64,AQID", "readId": "r1"}"#)) == .accepted)
        // A huge unknown key with control characters, a dump name with a newline, a date that is no
        // date: each is refused with a short message (the entry function checks the bound).
        let hugeKey = String(repeating: #"k\u0007"#, count: 5000)
        #expect(try FuzzTarget.daemonRequest.run(input(0, "{\"\(hugeKey)\": 1}")) == .rejected)
        #expect(try FuzzTarget.daemonRequest.run(input(1, #"{"files": {"DG1\n\u001b[31m": "YQ=="}}"#)) == .rejected)
        #expect(try FuzzTarget.daemonRequest.run(input(0, #"{"access": {"id": "079190012345", "dob": "15\n08\n90", "expiry": "none"}}"#)) == .rejected)
    }
}
