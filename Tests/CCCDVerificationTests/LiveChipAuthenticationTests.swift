import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification
import CCCDVirtualCard
import Foundation
import Testing

/// Active and Chip Authentication of the reader against the virtual chip of the default data set,
/// in process: the genuine chip passes both, a clone (fresh keys, genuine files) fails both.
@Suite struct LiveChipAuthentication {
    static let dataSet = Fixtures.repository.appendingPathComponent("TestVectors/datasets/default")

    static func file(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: dataSet.appendingPathComponent(name)))
    }

    /// PACE with the data set's CAN; the secure channel and the keys of DG15 / DG14.
    static func open(clone: Bool) async throws -> (SecureChannel, PublicKeyInfo, SecurityInfos) {
        let card = try DataSetChip.load(dataSet, clone: clone)
        let channel = APDUChannel(transport: VirtualCardTransport(card: card))
        let access = try await AccessControl.establish(channel: channel, key: .can("012345"))
        let secure = SecureChannel(channel: channel, state: access.secureMessaging)
        return (secure, try DG15Parser.parse(try file("DG15.bin")), try DataGroup14.securityInfos(try file("DG14.bin")))
    }

    @Test func genuineChipPassesActiveThenChipAuthentication() async throws {
        let (secure, dg15, dg14) = try await Self.open(clone: false)
        let active = await ActiveAuthenticator.perform(over: secure, dg15: dg15, dg14: dg14)
        #expect(active.status == .valid, "\(active)")
        #expect(active.method?.contains("9796-2") == true)
        let chip = await ChipAuthenticator.perform(over: secure, dg14: dg14)
        #expect(chip.status == .valid, "\(chip)")
        // The channel goes on with the new keys, and AA still works over them.
        let select = try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x04, p2: 0x0C, data: [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01])
        let after = try await secure.send(select)
        #expect(after.status.isSuccess)
        #expect(await ActiveAuthenticator.perform(over: secure, dg15: dg15, dg14: dg14).status == .valid)
    }

    @Test func cloneFailsBoth() async throws {
        let (secure, dg15, dg14) = try await Self.open(clone: true)
        let active = await ActiveAuthenticator.perform(over: secure, dg15: dg15, dg14: dg14)
        #expect(active.status == .invalid, "\(active)")
        let chip = await ChipAuthenticator.perform(over: secure, dg14: dg14)
        #expect(chip.status == .invalid, "\(chip)")
        #expect(chip.reasons.contains { $0.message.contains("clone") })
    }

    @Test func internalAuthenticateNeedsSecureMessaging() async throws {
        let card = try DataSetChip.load(Self.dataSet)
        let channel = APDUChannel(transport: VirtualCardTransport(card: card))
        let response = try await channel.send(try ActiveAuthenticator.internalAuthenticate(challenge: [1, 2, 3, 4, 5, 6, 7, 8], ne: 256))
        #expect(response.status == .conditionsNotSatisfied)
    }
}
