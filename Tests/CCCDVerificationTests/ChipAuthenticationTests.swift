import CCCDChipAuthentication
import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDTransport
import CCCDVerification
import Foundation
import Testing

@Suite("Chip authentication (terminal side)")
struct ChipAuthenticationTests {
    static func vector() throws -> [String: Any] {
        let all = try Fixtures.vectorsJSON()["chip_authentication"] as! [String: Any]
        return all["ca_v1_ecdh_aes128_at_passport"] as! [String: Any]
    }

    /// The templates byte for byte where the recorded session has none: MSE:Set KAT (3DES) with and
    /// without a key ID (one that needs a leading 00 as an INTEGER), and a DH key long enough for
    /// two-byte lengths in GENERAL AUTHENTICATE.
    @Test func commandTemplatesByteForByte() throws {
        let point = [0x04] + [UInt8](repeating: 0x11, count: 64)
        let kat = try ChipAuthenticationCommands.mseSetKAT(ephemeralPublicKey: point, keyID: 0x80)
        #expect(try kat.encoded() == [0x00, 0x22, 0x41, 0xA6, 0x47, 0x91, 0x41] + point + [0x84, 0x02, 0x00, 0x80])
        let katNoID = try ChipAuthenticationCommands.mseSetKAT(ephemeralPublicKey: point, keyID: nil)
        #expect(try katNoID.encoded() == [0x00, 0x22, 0x41, 0xA6, 0x43, 0x91, 0x41] + point)
        let at = try ChipAuthenticationCommands.mseSetAT(protocolOID: "0.4.0.127.0.7.2.2.3.1.1", keyID: 2)
        #expect(try at.encoded() == Fixtures.hex("002241A40F800A04007F00070202030101840102"))
        let dh = [UInt8](repeating: 0x5A, count: 200)
        let ga = try ChipAuthenticationCommands.generalAuthenticate(ephemeralPublicKey: dh)
        #expect(try ga.encoded() == [0x00, 0x86, 0x00, 0x00, 0xCE, 0x7C, 0x81, 0xCB, 0x80, 0x81, 0xC8] + dh + [0x00])
    }

    /// gmrtd's recorded CA v1 session (ECDH brainpoolP256r1, AES-128): K, KS_enc, KS_mac, APDUs.
    @Test func recordedSessionVector() throws {
        let v = try Self.vector()
        let domain = DomainParameters.ec(try ECGroup(curve: .brainpoolP256r1))
        let terminalPrivate = Fixtures.hex(v["terminal_ephemeral_private_key"] as! String)
        #expect(try ChipAuthenticationKeyAgreement.publicKey(domain: domain, privateKey: terminalPrivate)
            == Fixtures.hex(v["terminal_ephemeral_public_key"] as! String))
        let k = try ChipAuthenticationKeyAgreement.sharedSecret(
            domain: domain, privateKey: terminalPrivate, chipPublicKey: Fixtures.hex(v["chip_static_public_key"] as! String))
        #expect(k == Fixtures.hex(v["shared_secret_k"] as! String))
        let keys = try ChipAuthenticationKeyAgreement.sessionKeys(sharedSecret: k, cipher: .aes128)
        #expect(keys.encryptionKey == Fixtures.hex(v["ks_enc_new"] as! String))
        #expect(keys.macKey == Fixtures.hex(v["ks_mac_new"] as! String))

        let info = ChipAuthenticationInfo(protocolOID: "0.4.0.127.0.7.2.2.3.2.2", version: 1, keyID: nil)
        let key = ChipAuthenticationPublicKeyInfo(
            protocolOID: SecurityInfoOID.idPKECDH, algorithm: AlgorithmIdentifier(oid: "0.4.0.127.0.7.1.2", parameters: [0x02, 0x01, 0x0D]),
            subjectPublicKey: Fixtures.hex(v["chip_static_public_key"] as! String), keyID: nil)
        let setup = ChipAuthenticationSetup(info: info, publicKey: key)
        let commands = try ChipAuthenticator.commandSequence(
            setup: setup, ephemeralPublicKey: Fixtures.hex(v["terminal_ephemeral_public_key"] as! String))
        #expect(commands.count == 2)
        let mse = v["mse_set_at"] as! [String: Any]
        #expect(try commands[0].encoded() == Fixtures.hex(mse["plain"] as! String))
        let ga = v["general_authenticate"] as! [String: Any]
        #expect(commands[1].data == Fixtures.hex(ga["plain_data"] as! String))

        // Protected under the old session, as recorded.
        let old = v["old_sm"] as! [String: Any]
        let oldKeys = SecureMessagingKeys(
            cipher: .aes128, encryptionKey: Fixtures.hex(old["ks_enc"] as! String), macKey: Fixtures.hex(old["ks_mac"] as! String))
        var state = SecureMessagingState(keys: oldKeys, ssc: SendSequenceCounter(Fixtures.hex(old["ssc_before"] as! String)))
        #expect(try state.protect(commands[0]).encoded() == Fixtures.hex(mse["protected"] as! String))
        var gaState = SecureMessagingState(
            keys: oldKeys, ssc: SendSequenceCounter(Fixtures.hex("000000000000000000000000000000F2")))
        #expect(try gaState.protect(commands[1]).encoded() == Fixtures.hex(ga["protected"] as! String))
        // The first command with the new keys (SSC restarted at 0).
        let first = v["first_command_with_new_keys"] as! [String: Any]
        var newState = SecureMessagingState(keys: keys)
        let select = try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0E])
        #expect(try newState.protect(select).encoded() == Fixtures.hex(first["protected"] as! String))
        #expect(try newState.unprotect(ResponseAPDU(bytes: Fixtures.hex(first["rapdu"] as! String))).status.isSuccess)
    }

    @Test func selectionFromTheDataSetDG14() throws {
        let dg14 = try #require(try Fixtures.dump("default").files[.dataGroup(.dg14)])
        let infos = try DataGroup14.securityInfos(dg14)
        let setup = try ChipAuthenticationSelection.select(from: infos)
        #expect(setup.info.protocolOID == "0.4.0.127.0.7.2.2.3.2.2")
        #expect(setup.info.keyID == 1)
        #expect(setup.cipher == .aes128 && setup.usesGeneralAuthenticate)
        let mse = try ChipAuthenticationCommands.mseSetAT(protocolOID: setup.info.protocolOID, keyID: setup.info.keyID)
        #expect(try mse.encoded() == Fixtures.hex("002241A40F800A04007F00070202030202840101"))

        // Terminal and chip derive the same K (chip key from the data set).
        let keys = try DataSetWriter.chipKeys(Fixtures.spec("default"), folder: Fixtures.datasets.appendingPathComponent("default"))
        let domain = try setup.publicKey.domainParameters()
        let terminal = try ChipAuthenticationKeyAgreement.ephemeralKeyPair(
            domain: domain, randomBytes: try SecureRandom.bytes(ChipAuthenticationKeyAgreement.randomLength(domain: domain)))
        let terminalK = try ChipAuthenticationKeyAgreement.sharedSecret(
            domain: domain, privateKey: terminal.privateKey, chipPublicKey: try setup.publicKey.publicKeyValue())
        let chipK = try ChipAuthenticationKeyAgreement.sharedSecret(
            domain: domain, privateKey: try keys.chipAuthentication.ecPrivateScalar(), chipPublicKey: terminal.publicKey)
        #expect(terminalK == chipK)
    }

    @Test func threeDESUsesMSESetKAT() throws {
        let key = ChipAuthenticationPublicKeyInfo(
            protocolOID: SecurityInfoOID.idPKDH, algorithm: AlgorithmIdentifier(oid: "1.2.840.10046.2.1", parameters: nil),
            subjectPublicKey: [0x02, 0x01, 0x05], keyID: 7)
        let setup = try ChipAuthenticationSelection.select(from: SecurityInfos(infos: [.chipAuthenticationPublicKey(key)]))
        #expect(setup.info.protocolOID == "0.4.0.127.0.7.2.2.3.1.1")
        #expect(setup.cipher == .tripleDES && !setup.usesGeneralAuthenticate)
        let commands = try ChipAuthenticator.commandSequence(setup: setup, ephemeralPublicKey: [0xAA, 0xBB])
        #expect(try commands.map { try $0.encoded() } == [Fixtures.hex("002241A6079102AABB840107")])
    }

    @Test func noKeyIsNotSupported() {
        #expect(throws: ChipAuthenticationError.noChipAuthenticationKey) {
            try ChipAuthenticationSelection.select(from: SecurityInfos(infos: []))
        }
    }

    /// ICAO 9303-11 App. I: PACE-CAM's chip data checked against the chip key.
    @Test func paceCAMVector() throws {
        let v = try Fixtures.vectorsJSON()["pace_cam_ecdh_brainpoolp256r1"] as! [String: Any]
        let infos = try SecurityInfos(
            encoded: LDSBuilder.securityInfos([Fixtures.hex(v["chip_authentication_public_key_info"] as! String)]))
        let mapping = [0x04] + Fixtures.hex(v["chip_mapping_public_key_x"] as! String) + Fixtures.hex(v["chip_mapping_public_key_y"] as! String)
        let ca = Fixtures.hex(v["decrypted_chip_authentication_data_ca_ic"] as! String)
        let good = ChipAuthenticator.verifyPACECAM(chipAuthenticationData: ca, chipMappingPublicKey: mapping, dg14: infos)
        #expect(good.status == .valid, "\(good.reasons)")
        var wrong = ca
        wrong[5] ^= 1
        let bad = ChipAuthenticator.verifyPACECAM(chipAuthenticationData: wrong, chipMappingPublicKey: mapping, dg14: infos)
        #expect(bad.status == .invalid)
        #expect(bad.reasons.contains { $0.code == .chipAuthenticationDataMismatch })
        #expect(ChipAuthenticator.verifyPACECAM(chipAuthenticationData: ca, chipMappingPublicKey: mapping, dg14: nil).status == .invalid)
    }

    @Test func overallVerdict() {
        let passive = PassiveAuthenticationResult(
            reasons: [], dataGroups: [:], hashAlgorithm: nil, signatureAlgorithm: nil, documentSigner: nil, trustAnchor: nil,
            verificationTime: Date())
        #expect(VerificationReport(passive: passive, active: AuthenticationResult(status: .valid), chip: AuthenticationResult(status: .valid)).overall == .valid)
        #expect(VerificationReport(passive: passive, active: AuthenticationResult(status: .invalid), chip: .notPerformed("x")).overall == .invalid)
        #expect(VerificationReport(passive: passive, active: .notSupported("x"), chip: AuthenticationResult(status: .invalid)).exitCode == 3)
    }
}
