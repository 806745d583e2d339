import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Testing

/// The chip's Chip Authentication commands driven by hand (the reader's CA code is tested against
/// the chip in CCCDVerificationTests): MSE:Set KAT (3DES) and MSE:Set AT + GENERAL AUTHENTICATE
/// (AES) switch secure messaging to keys from ECDH with the chip key; a clone's keys differ.
@Suite struct EMRTDChipAuthentication {
    static let select = try! CommandAPDU(
        cla: 0, ins: 0xA4, p1: 0x04, p2: 0x0C, data: [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01])

    /// PACE-CAN on a chip with `key`; the secure channel and the terminal's ephemeral key pair.
    func open(key: ChipAuthenticationKey, clone: Bool = false) async throws
        -> (SecureChannel, ECGroup, sk: [UInt8], pk: [UInt8])
    {
        var configuration = ChipFixtures.configuration(caKey: key)
        configuration.clone = clone
        let (_, channel) = try ChipFixtures.chip(configuration)
        let access = try await AccessControl.establish(channel: channel, key: .can(ChipFixtures.can))
        let group = try ECGroup(curve: .brainpoolP256r1)
        let sk = try group.privateKey(fromRandom: try SecureRandom.bytes(40))
        return (SecureChannel(channel: channel, state: access.secureMessaging), group, sk, try group.publicKey(privateKey: sk).uncompressed)
    }

    func switchKeys(_ secure: SecureChannel, group: ECGroup, sk: [UInt8], key: ChipAuthenticationKey,
                    cipher: SecureMessagingCipher) async throws
    {
        let secret = try group.sharedSecret(privateKey: sk, peer: group.decodePoint(try key.publicKey()))
        await secure.replaceState(SecureMessagingState(keys: try KeyDerivation.sessionKeys(from: secret, cipher: cipher)))
    }

    @Test func setKATSwitchesToTripleDESKeys() async throws {
        let key = try ChipAuthenticationKey.generate()
        let (secure, group, sk, pk) = try await open(key: key)
        let kat = try CommandAPDU(cla: 0, ins: 0x22, p1: 0x41, p2: 0xA6, data: [0x91, UInt8(pk.count)] + pk)
        #expect(try await secure.send(kat).status == .success)
        try await switchKeys(secure, group: group, sk: sk, key: key, cipher: .tripleDES)
        #expect(try await secure.send(Self.select).status == .success)
    }

    @Test func setATAndGeneralAuthenticateSwitchToAESKeys() async throws {
        let key = try ChipAuthenticationKey.generate()
        let (secure, group, sk, pk) = try await open(key: key)
        let oid: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02]
        let at = try CommandAPDU(cla: 0, ins: 0x22, p1: 0x41, p2: 0xA4, data: [0x80, UInt8(oid.count)] + oid + [0x84, 0x01, 0x01])
        #expect(try await secure.send(at).status == .success)
        let inner = [0x80, UInt8(pk.count)] + pk
        let ga = try CommandAPDU(cla: 0, ins: 0x86, p1: 0, p2: 0, data: [0x7C, UInt8(inner.count)] + inner, ne: 256)
        let answer = try await secure.send(ga)
        #expect(answer.status == .success && answer.data == [0x7C, 0x00])
        try await switchKeys(secure, group: group, sk: sk, key: key, cipher: .aes128)
        #expect(try await secure.send(Self.select).status == .success)
    }

    @Test func cloneAgreesOtherKeys() async throws {
        let key = try ChipAuthenticationKey.generate()
        let (secure, group, sk, pk) = try await open(key: key, clone: true)
        let kat = try CommandAPDU(cla: 0, ins: 0x22, p1: 0x41, p2: 0xA6, data: [0x91, UInt8(pk.count)] + pk)
        #expect(try await secure.send(kat).status == .success)
        try await switchKeys(secure, group: group, sk: sk, key: key, cipher: .tripleDES)
        await #expect(throws: (any Error).self) { try await secure.send(Self.select) }
    }

    @Test func chipAuthenticationNeedsSecureMessaging() async throws {
        let (_, channel) = try ChipFixtures.chip(ChipFixtures.configuration(caKey: try ChipAuthenticationKey.generate()))
        let at = try CommandAPDU(cla: 0, ins: 0x22, p1: 0x41, p2: 0xA4, data: [0x80, 0x01, 0x00])
        #expect(try await channel.send(at).status == .conditionsNotSatisfied)
    }
}
