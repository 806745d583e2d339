import CCCDCrypto
import CCCDPrimitives
import CCCDTransport
import Testing

@testable import CCCDProtocols

/// DO'99' is optional in a protected response (ICAO 9303-11 §9.8.4): a response without it is
/// accepted when DO'8E' verifies over what is present, and its status word (from the trailer) is
/// marked unauthenticated. Everything else stays fail-closed.
@Suite("Secure messaging — responses without DO'99'")
struct SecureMessagingOptionalStatusTests {
    static let keys = SecureMessagingKeys(
        cipher: .tripleDES, encryptionKey: [UInt8](hex: "979EC13B1CBFE9DCD01AB0FED307EAE5"),
        macKey: [UInt8](hex: "F1CB1F1FB5ADF208806B89DC579DC1F8"))
    static let sw9000: [UInt8] = [0x90, 0x00]

    /// A session that has just protected a READ BINARY, and the SSC its response must carry.
    func session() throws -> (SecureMessagingState, SendSequenceCounter) {
        var state = SecureMessagingState(keys: Self.keys, ssc: SendSequenceCounter([0, 0, 0, 0, 0, 0, 0, 0x10]))
        _ = try state.protect(CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 4))
        return (state, state.ssc.incremented())
    }

    /// The chip side, from CCCDCrypto primitives: DO'87' (when data), DO'99' (when asked), DO'8E'.
    func wrap(_ data: [UInt8], status: [UInt8]?, ssc: SendSequenceCounter) throws -> [UInt8] {
        var objects: [UInt8] = []
        if !data.isEmpty {
            let encrypted = try TripleDES.encryptCBC(key: Self.keys.encryptionKey, data: ISO9797Padding.pad(data, blockSize: 8))
            objects += [0x87, UInt8(encrypted.count + 1), 0x01] + encrypted
        }
        if let status { objects += [0x99, 0x02] + status }
        let mac = try RetailMAC.authenticate(key: Self.keys.macKey, paddedData: ISO9797Padding.pad(ssc.bytes + objects, blockSize: 8))
        return objects + [0x8E, 0x08] + mac
    }

    @Test func dataWithoutStatusObjectIsAcceptedWithAnUnauthenticatedStatus() throws {
        var (state, ssc) = try session()
        let raw = try wrap([1, 2, 3, 4], status: nil, ssc: ssc) + Self.sw9000
        let result = try state.unprotectResponse(ResponseAPDU(bytes: raw))
        #expect(result.data == [1, 2, 3, 4])
        #expect(result.status == .success)
        #expect(!result.statusAuthenticated)
        #expect(state.isActive && state.ssc == ssc)
    }

    @Test func statusObjectPresentIsAuthenticated() throws {
        var (state, ssc) = try session()
        // The trailer says 90 00, DO'99' says 62 82: DO'99' (inside the MAC) wins.
        let raw = try wrap([9], status: [0x62, 0x82], ssc: ssc) + Self.sw9000
        let result = try state.unprotectResponse(ResponseAPDU(bytes: raw))
        #expect(result.status == .endOfFileReached && result.statusAuthenticated)
    }

    @Test func checksumAloneCarriesTheTrailerStatus() throws {
        var (state, ssc) = try session()
        let raw = try wrap([], status: nil, ssc: ssc) + [0x6A, 0x82]
        let result = try state.unprotectResponse(ResponseAPDU(bytes: raw))
        #expect(result.data.isEmpty && result.status == .fileNotFound && !result.statusAuthenticated)
    }

    @Test func wrongChecksumWithoutStatusObjectFailsClosed() throws {
        var (state, ssc) = try session()
        var raw = try wrap([1, 2, 3, 4], status: nil, ssc: ssc) + Self.sw9000
        raw[raw.count - 3] ^= 0x01
        #expect(throws: SecureMessagingError.macMismatch) { try state.unprotectResponse(ResponseAPDU(bytes: raw)) }
        #expect(!state.isActive)
    }

    @Test func strippedStatusObjectFailsClosed() throws {
        var (state, ssc) = try session()
        let genuine = try wrap([1, 2, 3, 4], status: Self.sw9000, ssc: ssc)
        // Remove 99 02 90 00 (the checksum covered it).
        let stripped = Array(genuine[0..<(genuine.count - 14)]) + Array(genuine.suffix(10)) + Self.sw9000
        #expect(throws: SecureMessagingError.macMismatch) { try state.unprotectResponse(ResponseAPDU(bytes: stripped)) }
        #expect(!state.isActive)
    }

    @Test func dataWithoutChecksumFailsClosed() throws {
        var (state, ssc) = try session()
        let withMAC = try wrap([1, 2, 3, 4], status: nil, ssc: ssc)
        let noMAC = Array(withMAC.dropLast(10)) + Self.sw9000
        #expect(throws: SecureMessagingError.missingDataObject(0x8E)) { try state.unprotectResponse(ResponseAPDU(bytes: noMAC)) }
        #expect(!state.isActive)
    }

    @Test func replayedResponseWithoutStatusObjectFailsClosed() throws {
        var (state, ssc) = try session()
        let raw = try ResponseAPDU(bytes: try wrap([5, 6], status: nil, ssc: ssc) + Self.sw9000)
        _ = try state.unprotectResponse(raw)
        _ = try state.protect(CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 2))
        #expect(throws: SecureMessagingError.macMismatch) { try state.unprotectResponse(raw) }
        #expect(!state.isActive)
    }

    @Test func longFormChecksumStaysRefused() throws {
        var (state, ssc) = try session()
        let genuine = try wrap([1, 2, 3, 4], status: nil, ssc: ssc)
        let longForm = Array(genuine.dropLast(10)) + [0x8E, 0x81, 0x08] + Array(genuine.suffix(8)) + Self.sw9000
        #expect(throws: SecureMessagingError.malformedDataObject("DO'8E' must be encoded as 8E 08 and the checksum")) {
            try state.unprotectResponse(ResponseAPDU(bytes: longForm))
        }
    }

    @Test func bareStatusWordStillEndsTheSession() throws {
        var (state, _) = try session()
        #expect(throws: SecureMessagingError.unprotectedResponse(.fileNotFound)) {
            try state.unprotectResponse(ResponseAPDU(bytes: [0x6A, 0x82]))
        }
        #expect(!state.isActive)
    }
}
