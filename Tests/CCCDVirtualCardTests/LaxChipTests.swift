import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// The `lax` chip profile (issue 14): no DO'99' in protected responses, errors in clear ending
/// secure messaging, READ BINARY by SFI refused with `6A 82`, short APDUs only.
@Suite struct LaxChip {
    func open() async throws -> (EMRTDChip, APDUChannel, SecureChannel) {
        let (chip, ch) = try ChipFixtures.chip(ChipFixtures.configuration(profile: .lax))
        let result = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
        return (chip, ch, SecureChannel(channel: ch, state: result.secureMessaging))
    }

    @Test func protectedResponsesCarryNoStatusObject() async throws {
        let (chip, ch, sm) = try await open()
        // The SELECT of the application during access control already went without DO'99'.
        #expect(await sm.unauthenticatedStatusWords == 0)
        var state = await sm.currentState
        let raw = try await ch.send(try state.protect(ChipFixtures.selectEF(0x0101)))
        // Only DO'8E' (8E 08 ‖ checksum over the SSC): no DO'99'.
        #expect(raw.data.count == 10 && Array(raw.data.prefix(2)) == [0x8E, 0x08])
        #expect(try state.unprotectResponse(raw) == UnprotectedResponse(
            response: ResponseAPDU(data: [], status: .success), statusAuthenticated: false))
        await sm.replaceState(state)
        let read = try await sm.sendUnprotecting(ChipFixtures.readBinary(offset: 0, ne: 93))
        #expect(read.data == ChipFixtures.dg1 && !read.statusAuthenticated)
        #expect(await sm.unauthenticatedStatusWords == 1)
        #expect(chip.isSecureMessagingActive)
    }

    @Test func shortFileIdentifierIsRefusedInClearAndEndsTheSession() async throws {
        let (chip, _, sm) = try await open()
        await #expect(throws: SecureMessagingError.unprotectedResponse(.fileNotFound)) {
            try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 93))
        }
        #expect(!chip.isSecureMessagingActive)
    }

    @Test func profileIsNamedAndRoundTrips() throws {
        #expect(CardProfile.named("lax") == .lax && CardProfile.named("short") == .shortOnly && CardProfile.named("x") == nil)
        #expect(!CardProfile.lax.extendedLength && !CardProfile.lax.shortFileIdentifiers && !CardProfile.lax.atrInfo)
        #expect(try JSONDecoder().decode(CardProfile.self, from: JSONEncoder().encode(CardProfile.lax)) == .lax)
        // Keys a card.json leaves out keep the extended profile's values.
        #expect(try JSONDecoder().decode(CardProfile.self, from: Data(#"{"atrInfo": false}"#.utf8))
            == CardProfile(atrInfo: false))
    }
}
