import CCCDCrypto
import CCCDLDS
import CCCDPrimitives
import CCCDTransport
import Testing

@testable import CCCDProtocols

@Suite("Secure messaging — 3DES (App. D.4 and library vectors) and AES")
struct SecureMessagingTests {
    func response(_ bytes: [UInt8]) throws -> ResponseAPDU { try ResponseAPDU(bytes: bytes) }

    @Test func appendixD4() throws {
        let v = try Vectors.section("sm_3des_bac")
        var state = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .tripleDES, encryptionKey: v.hex("ks_enc"), macKey: v.hex("ks_mac")),
            ssc: SendSequenceCounter(v.hex("ssc_initial")))
        var file: [UInt8] = []
        for step in try v.list("steps") {
            let plain = try CommandAPDU(bytes: step.hex("unprotected_apdu"))
            let protected = try state.protect(plain)
            #expect(state.ssc.bytes == (try step.hex("ssc_cmd")))
            let name = (step["name"] as? String) ?? "?"
            #expect(try protected.bytesForTest == step.hex("protected_apdu"), "\(name)")
            // The MAC input N of the example, recomputed from its parts.
            let n = try step.hex("n")
            #expect(try RetailMAC.authenticate(key: v.hex("ks_mac"), paddedData: n) == (try step.hex("cc")))
            let answer = try state.unprotect(response(step.hex("rapdu")))
            #expect(state.ssc.bytes == (try step.hex("ssc_resp")))
            #expect(answer.status == .success)
            // K with the padding the ICAO text omits (errata D.4 3h).
            #expect(try RetailMAC.authenticate(key: v.hex("ks_mac"), paddedData: step.hex("k")) == (try step.hex("cc_resp")))
            if step["decrypted_data"] != nil {
                #expect(answer.data == (try step.hex("decrypted_data")))
                file += answer.data
            }
        }
        #expect(file == (try v.hex("ef_com")))
    }

    @Test func jmrtdAndNFCPassportReaderVectors() throws {
        let vectors = try Vectors.section("sm_3des_additional").list("vectors")
        // JMRTD: two commands in a row.
        let jmrtd = vectors[0]
        var state = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .tripleDES, encryptionKey: jmrtd.hex("ks_enc"), macKey: jmrtd.hex("ks_mac")),
            ssc: SendSequenceCounter(jmrtd.hex("ssc_initial")))
        for apdu in try jmrtd.list("apdus") {
            let protected = try state.protect(CommandAPDU(bytes: apdu.hex("unprotected")))
            #expect(state.ssc.bytes == (try apdu.hex("ssc_used")))
            #expect(protected.bytesForTest == (try apdu.hex("protected")))
        }
        // NFCPassportReader: command data field, then two responses.
        let nfc = vectors[1]
        let keys = try SecureMessagingKeys(cipher: .tripleDES, encryptionKey: nfc.hex("ks_enc"), macKey: nfc.hex("ks_mac"))
        let apdus = try nfc.list("apdus")
        var s1 = try SecureMessagingState(keys: keys, ssc: SendSequenceCounter(apdus[0].hex("ssc_before")))
        let protected = try s1.protect(CommandAPDU(bytes: apdus[0].hex("unprotected")))
        #expect(protected.data == (try apdus[0].hex("protected_data_field")))
        var s2 = try SecureMessagingState(keys: keys, ssc: SendSequenceCounter(apdus[1].hex("ssc_before")))
        #expect(try s2.unprotect(response(apdus[1].hex("rapdu"))).status == .success)
        var s3 = try SecureMessagingState(keys: keys, ssc: SendSequenceCounter(apdus[2].hex("ssc_before")))
        #expect(try s3.unprotect(response(apdus[2].hex("rapdu"))).data == (try apdus[2].hex("plaintext")))
    }

    @Test func gmrtdAESVectors() throws {
        let vectors = try Vectors.section("aes_sm_additional").list("vectors")
        // MSE:Set AT protect.
        let mse = vectors[0]
        var state = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .aes128, encryptionKey: mse.hex("ks_enc"), macKey: mse.hex("ks_mac")),
            ssc: SendSequenceCounter(mse.hex("ssc_before")))
        let protected = try state.protect(CommandAPDU(bytes: mse.hex("unprotected_apdu")))
        #expect(state.ssc.bytes == (try mse.hex("ssc_used")))
        #expect(protected.bytesForTest == (try mse.hex("protected_apdu")))
        // READ BINARY response unprotect.
        let rb = vectors[1]
        var rbState = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .aes128, encryptionKey: rb.hex("ks_enc"), macKey: rb.hex("ks_mac")),
            ssc: SendSequenceCounter(rb.hex("ssc_before")))
        let plain = try rbState.unprotect(response(rb.hex("protected_rapdu")))
        #expect(plain.data == (try rb.hex("plaintext")))
        #expect(plain.status == .success)
        // DO'87' decryption with AES-256: IV = E(KS_enc, SSC).
        let d = vectors[2]
        let key = try d.hex("ks_enc")
        let iv = try AES.encryptECB(key: key, data: d.hex("ssc_used"))
        let value = try d.hex("do87_value")
        #expect(value.first == 0x01)
        let decrypted = try AES.decryptCBC(key: key, iv: iv, data: Array(value.dropFirst()))
        #expect(try ISO9797Padding.unpad(decrypted, blockSize: 16) == (try d.hex("plaintext")))
    }

    @Test(arguments: ["bsi_eac_worked_example_ecdh", "bsi_eac_worked_example_dh"])
    func bsiWorkedExampleSM(section: String) throws {
        let v = try Vectors.section(section)
        let ksEnc = try v.hex("ks_enc")
        let ksMac = try v.hex("ks_mac")
        let enc = try v.dict("sm_aes_encrypt")
        let iv = try AES.encryptECB(key: ksEnc, data: enc.hex("ssc"))
        let ciphertext = try AES.encryptCBC(key: ksEnc, iv: iv, data: ISO9797Padding.pad(enc.hex("plaintext"), blockSize: 16))
        #expect(ciphertext == (try enc.hex("ciphertext")))
        let mac = try v.dict("sm_aes_mac")
        let input = ISO9797Padding.pad(try mac.hex("ssc") + mac.hex("data"), blockSize: 16)
        #expect(try SecureMessagingCipher.aes128.mac(key: ksMac, paddedData: input) == (try mac.hex("mac")))
    }

    @Test func chipAuthenticationV1Session() throws {
        let v = try Vectors.section("chip_authentication").dict("ca_v1_ecdh_aes128_at_passport")
        let old = try v.dict("old_sm")
        var state = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .aes128, encryptionKey: old.hex("ks_enc"), macKey: old.hex("ks_mac")),
            ssc: SendSequenceCounter(old.hex("ssc_before")))
        let mse = try v.dict("mse_set_at")
        #expect(try state.protect(CommandAPDU(bytes: mse.hex("plain"))).bytesForTest == (try mse.hex("protected")))
        #expect(state.ssc.bytes == (try mse.hex("ssc_used")))
        #expect(try state.unprotect(response(mse.hex("rapdu"))).status == .success)
        let ga = try v.dict("general_authenticate")
        let gaCommand = try CommandAPDU(cla: 0x00, ins: 0x86, p1: 0, p2: 0, data: ga.hex("plain_data"), ne: 256)
        #expect(try state.protect(gaCommand).bytesForTest == (try ga.hex("protected")))
        #expect(state.ssc.bytes == (try ga.hex("ssc_used")))
        // ECDH with the chip's static key and the new keys (ICAO CA v1: KDF without nonce).
        let group = try ECGroup(curve: .brainpoolP256r1)
        let k = try group.sharedSecret(
            privateKey: v.hex("terminal_ephemeral_private_key"), peer: group.decodePoint(v.hex("chip_static_public_key")))
        #expect(k == (try v.hex("shared_secret_k")))
        #expect(try group.publicKey(privateKey: v.hex("terminal_ephemeral_private_key")).uncompressed
            == (try v.hex("terminal_ephemeral_public_key")))
        let keys = try KeyDerivation.sessionKeys(from: k, cipher: .aes128)
        #expect(keys.encryptionKey == (try v.hex("ks_enc_new")))
        #expect(keys.macKey == (try v.hex("ks_mac_new")))
        var fresh = SecureMessagingState(keys: keys)
        let first = try v.dict("first_command_with_new_keys")
        #expect(try fresh.protect(CommandAPDU(bytes: first.hex("plain"))).bytesForTest == (try first.hex("protected")))
        #expect(fresh.ssc.bytes == (try first.hex("ssc_used")))
        #expect(try fresh.unprotect(response(first.hex("rapdu"))).status == .success)
    }

    @Test(arguments: ["bsi_eac_worked_example_ecdh", "bsi_eac_worked_example_dh"])
    func chipAuthenticationV2KeyDerivation(section: String) throws {
        let ca = try Vectors.section(section).dict("chip_authentication_v2")
        let k = try ca.hex("shared_secret_k")
        let r = try ca.hex("r_picc_nonce")
        #expect(try KeyDerivation.derive(k, nonce: r, rawCounter: 1, cipher: .aes128) == (try ca.hex("ks_enc")))
        #expect(try KeyDerivation.derive(k, nonce: r, rawCounter: 2, cipher: .aes128) == (try ca.hex("ks_mac")))
    }

    // MARK: Negative cases

    func d4State() throws -> (SecureMessagingState, [[String: Any]]) {
        let v = try Vectors.section("sm_3des_bac")
        let state = try SecureMessagingState(
            keys: SecureMessagingKeys(cipher: .tripleDES, encryptionKey: v.hex("ks_enc"), macKey: v.hex("ks_mac")),
            ssc: SendSequenceCounter(v.hex("ssc_initial")))
        return (state, try v.list("steps"))
    }

    /// Protects the second step's command, then unprotects `raw` in its place.
    func unprotectSecond(_ raw: [UInt8]) throws -> (SecureMessagingState, Result<ResponseAPDU, SecureMessagingError>) {
        var (state, steps) = try d4State()
        _ = try state.protect(CommandAPDU(bytes: steps[0].hex("unprotected_apdu")))
        _ = try state.unprotect(response(steps[0].hex("rapdu")))
        _ = try state.protect(CommandAPDU(bytes: steps[1].hex("unprotected_apdu")))
        let result: Result<ResponseAPDU, SecureMessagingError>
        let parsed = try response(raw)
        do { result = .success(try state.unprotect(parsed)) } catch { result = .failure(error) }
        return (state, result)
    }

    func expectFailure(_ raw: [UInt8], _ expected: SecureMessagingError) throws {
        let (state, result) = try unprotectSecond(raw)
        guard case .failure(let error) = result else {
            Issue.record("expected \(expected), got success")
            return
        }
        #expect(error == expected)
        #expect(!state.isActive)
    }

    @Test func tamperedMAC() throws {
        let (_, steps) = try d4State()
        var raw = try steps[1].hex("rapdu")
        raw[raw.count - 3] ^= 0x01  // last MAC byte
        try expectFailure(raw, .macMismatch)
        var rawData = try steps[1].hex("rapdu")
        rawData[4] ^= 0x80  // inside the cryptogram
        try expectFailure(rawData, .macMismatch)
        var rawStatus = try steps[1].hex("rapdu")
        rawStatus[13] = 0x6A  // DO'99' SW1
        try expectFailure(rawStatus, .macMismatch)
    }

    @Test func missingAndUnexpectedDataObjects() throws {
        // 87 … then 8E without 99: DO'99' is optional (ICAO 9303-11 §9.8.4), but this checksum was
        // computed over 87 ‖ 99, so stripping DO'99' breaks the MAC.
        let (_, steps) = try d4State()
        let raw = try steps[1].hex("rapdu")
        let do87 = Array(raw[0..<11])
        let do8e = Array(raw[15..<25])
        try expectFailure(do87 + do8e + sw9000, .macMismatch)
        try expectFailure(do87 + Array(raw[11..<15]) + sw9000, .missingDataObject(0x8E))
        try expectFailure(do87 + Array(raw[11..<15]) + do8e + [0x53, 0x01, 0x00] + sw9000, .unexpectedDataObject(0x53))
        try expectFailure([0x53, 0x01, 0x00] + Array(raw[11..<25]) + sw9000, .unexpectedDataObject(0x53))
        try expectFailure(Array(raw[11..<15]) + Array(raw[11..<15]) + do8e + sw9000, .duplicateDataObject(0x99))
        try expectFailure([0x69, 0x88], .unprotectedResponse(StatusWord(0x69, 0x88)))
    }

    @Test func truncatedAndOverlongDataObjects() throws {
        let (_, steps) = try d4State()
        let raw = try steps[1].hex("rapdu")
        // Truncated: cut inside DO'8E'.
        let (_, truncated) = try unprotectSecond(Array(raw[0..<20]) + sw9000)
        guard case .failure(.malformedDataObject) = truncated else {
            Issue.record("truncated DO not rejected: \(truncated)")
            return
        }
        // Over-long: DO'87' claims more bytes than present.
        var overlong = raw
        overlong[1] = 0x7F
        let (_, r2) = try unprotectSecond(overlong)
        guard case .failure(.malformedDataObject) = r2 else {
            Issue.record("over-long DO not rejected: \(r2)")
            return
        }
        // Unsupported length form (84 xx xx xx xx).
        let (_, r3) = try unprotectSecond([0x87, 0x84, 0, 0, 0, 9] + Array(raw[2...]))
        guard case .failure(.malformedDataObject) = r3 else {
            Issue.record("bad length form not rejected: \(r3)")
            return
        }
        // DO'8E' of the wrong length.
        let bad8E = Array(raw[0..<15]) + [0x8E, 0x04, 1, 2, 3, 4] + sw9000
        try expectFailure(bad8E, .malformedDataObject("DO'8E' must hold 8 bytes"))
        // The genuine checksum behind a long-form length (8E 81 08): the MAC does not cover DO'8E',
        // so only its one encoding is accepted (fuzz finding, secure-messaging).
        let longForm8E = Array(raw[0..<15]) + [0x8E, 0x81] + Array(raw[16..<25]) + sw9000
        try expectFailure(longForm8E, .malformedDataObject("DO'8E' must be encoded as 8E 08 and the checksum"))
    }

    @Test func replayedResponseFailsAndSessionStaysDead() throws {
        var (state, steps) = try d4State()
        _ = try state.protect(CommandAPDU(bytes: steps[0].hex("unprotected_apdu")))
        let first = try response(steps[0].hex("rapdu"))
        _ = try state.unprotect(first)
        _ = try state.protect(CommandAPDU(bytes: steps[1].hex("unprotected_apdu")))
        // Replaying the old (valid) response: the SSC has moved on, so its MAC no longer verifies.
        #expect(throws: SecureMessagingError.macMismatch) { try state.unprotect(first) }
        #expect(!state.isActive)
        #expect(throws: SecureMessagingError.sessionTerminated) {
            try state.protect(CommandAPDU(bytes: steps[1].hex("unprotected_apdu")))
        }
        #expect(throws: SecureMessagingError.sessionTerminated) { try state.unprotect(response(steps[1].hex("rapdu"))) }
    }

    @Test func extendedLengthAndOddINS() throws {
        let keys = SecureMessagingKeys(
            cipher: .aes128, encryptionKey: [UInt8](repeating: 1, count: 16), macKey: [UInt8](repeating: 2, count: 16))
        var terminal = SecureMessagingState(keys: keys)
        // Extended Le (read 1000 bytes): protected command uses extended Le 00 00 and DO'97' 2 bytes.
        let read = try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 1000)
        let p = try terminal.protect(read)
        #expect(p.ne == 65_536)
        #expect(Array(p.data[0..<4]) == [0x97, 0x02, 0x03, 0xE8])
        let encoded = try p.encoded()
        #expect(Array(encoded.suffix(2)) == [0x00, 0x00])
        // Large command data → extended Lc.
        let big = try CommandAPDU(cla: 0, ins: 0xD6, p1: 0, p2: 0, data: [UInt8](repeating: 7, count: 600))
        let pb = try terminal.protect(big)
        #expect(pb.data.count > 255)
        #expect(pb.data[0] == 0x87 && pb.data[1] == 0x82)
        // Odd INS → DO'85' without padding indicator.
        let odd = try CommandAPDU(cla: 0, ins: 0xB1, p1: 0, p2: 0, data: [0x54, 0x02, 0x00, 0x10], ne: 256)
        let po = try terminal.protect(odd)
        #expect(po.data[0] == 0x85 && po.data[1] == 0x10)
    }

    @Test func largeResponseRoundTripsWithAChipSideBuiltFromPrimitives() throws {
        // A 4 KB READ BINARY answer assembled from raw crypto calls (not from protect/unprotect).
        let keys = SecureMessagingKeys(
            cipher: .aes128, encryptionKey: Array(hex: "0D3FEB33251A6370893D62AE8DAAF51B"),
            macKey: Array(hex: "B01E89E3D9E8719E586B50B4A7506E0B"))
        var state = SecureMessagingState(keys: keys)
        _ = try state.protect(CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 4096))
        let payload = (0..<4096).map { UInt8($0 & 0xFF) }
        let ssc = state.ssc.incremented().bytes
        let iv = try AES.encryptECB(key: keys.encryptionKey, data: ssc)
        let cryptogram = try AES.encryptCBC(key: keys.encryptionKey, iv: iv, data: ISO9797Padding.pad(payload, blockSize: 16))
        let do87 = [0x87, 0x82, UInt8((cryptogram.count + 1) >> 8), UInt8((cryptogram.count + 1) & 0xFF), 0x01] + cryptogram
        let do99: [UInt8] = [0x99, 0x02, 0x90, 0x00]
        let mac = try AESCMAC.authenticate(key: keys.macKey, data: ISO9797Padding.pad(ssc + do87 + do99, blockSize: 16))
        let raw = do87 + do99 + [0x8E, 0x08] + Array(mac.prefix(8)) + sw9000
        let plain = try state.unprotect(ResponseAPDU(bytes: raw))
        #expect(plain.data == payload)
    }
}
