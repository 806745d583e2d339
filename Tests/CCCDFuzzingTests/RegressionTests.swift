import CCCDFuzzing
import CCCDLDS
import CCCDPrimitives
import CCCDTransport
import Foundation
import Testing

/// Every crash, hang or broken invariant the fuzzer found, once fixed: its reproducer goes to
/// Regressions/TARGET/ (the file libFuzzer wrote to fuzz/crashes/TARGET/) and is replayed here
/// through the same entry function, so CI catches a relapse without libFuzzer.
@Suite("Fuzz regressions")
struct RegressionTests {
    @Test(arguments: FuzzTarget.allCases)
    func reproducersStayFixed(target: FuzzTarget) throws {
        for (name, bytes) in try FuzzInputs.files(in: "Regressions", target: target) {
            do {
                _ = try target.run(bytes)
            } catch {
                Issue.record("\(target.rawValue)/\(name): \(error)")
            }
        }
    }
}

/// The findings themselves, as plain expectations on the parser.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    /// tlv, crash-1b1444c0…: a 4-byte tag with a 5-byte length made a 9-byte header, longer than
    /// `TLVHeader.maximumLength`, so `fileLength(fromPrefix:)` of a maximumLength prefix said "read
    /// more" instead of failing.
    @Test func fourByteTagIsInvalidNotTruncated() throws {
        let bytes: [UInt8] = [0x3F, 0xB7, 0xFC, 0x78, 0x84, 0x00, 0x60, 0xFF, 0xBC, 0x56]
        #expect(throws: LDSError.invalidEncoding(context: "LDS BER-TLV tag longer than 3 bytes")) {
            try TLVHeader.decode(bytes)
        }
        #expect(throws: LDSError.self) { try TLVHeader.fileLength(fromPrefix: Array(bytes.prefix(TLVHeader.maximumLength))) }
        // A 3-byte tag is fine.
        #expect(try TLVHeader.decode([0x5F, 0x81, 0x01, 0x01, 0x00]).headerLength == 4)
    }

    /// secure-messaging, crash-118c07a0…: ICAO 9303-11 App. D.4's READ BINARY response with its
    /// DO'8E' length written in long form (8E 81 08). The MAC covers DO'87' and DO'99' only, so the
    /// response unprotected although it is not the encoding of any protection: DO'8E' is now
    /// accepted only as 8E 08.
    @Test func longFormChecksumLengthIsRefused() throws {
        let genuine = [UInt8](hex: "028709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")
        #expect(try FuzzTarget.secureMessaging.run(genuine) == .accepted)
        let longForm = [UInt8](hex: "028709019FF0EC34F9922651990290008E8108AD55CC17140B2DED9000")
        #expect(try FuzzTarget.secureMessaging.run(longForm) == .rejected)
    }
}
