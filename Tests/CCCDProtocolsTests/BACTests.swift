import CCCDCrypto
import CCCDMRZ
import CCCDTransport
import Testing

@testable import CCCDProtocols

@Suite("BAC — ICAO 9303-11 App. D.1–D.3")
struct BACTests {
    func input(_ v: [String: Any]) throws -> MRZKeyInput {
        try MRZKeyInput(
            documentNumber: v.string("document_number").replacingOccurrences(of: "<", with: ""),
            dateOfBirth: v.string("date_of_birth"), dateOfExpiry: v.string("date_of_expiry"))
    }

    @Test func keyDerivation() throws {
        let v = try Vectors.section("bac")
        let key = try input(v)
        #expect(key.mrzInformation == (try v.string("mrz_information")))
        #expect(try key.mrzHash() == (try v.hex("sha1_mrz_information")))
        #expect(try key.keySeed() == (try v.hex("k_seed")))
        let keys = try BACKeys(key)
        #expect(keys.encryptionKey == (try v.hex("k_enc")))
        #expect(keys.macKey == (try v.hex("k_mac")))
        // D.1 intermediate: the raw SHA-1 of D.
        #expect(try HashAlgorithm.sha1.hash(v.hex("d_enc")) == (try v.hex("sha1_d_enc")))
        #expect(try HashAlgorithm.sha1.hash(v.hex("d_mac")) == (try v.hex("sha1_d_mac")))
    }

    @Test func checkDigitsAreVerified() throws {
        let v = try Vectors.section("bac")
        _ = try MRZKeyInput(
            documentNumber: "L898902C", documentNumberCheckDigit: "3", dateOfBirth: "690806",
            dateOfBirthCheckDigit: "1", dateOfExpiry: "940623", dateOfExpiryCheckDigit: "6")
        #expect(throws: MRZError.checkDigitMismatch(field: .dateOfBirth, expected: "1", found: "2")) {
            try MRZKeyInput(
                documentNumber: "L898902C", documentNumberCheckDigit: "3", dateOfBirth: "690806",
                dateOfBirthCheckDigit: "2", dateOfExpiry: "940623", dateOfExpiryCheckDigit: "6")
        }
        #expect(throws: MRZError.checkDigitMismatch(field: .documentNumber, expected: "3", found: "4")) {
            try MRZKeyInput(
                documentNumber: "L898902C", documentNumberCheckDigit: "4", dateOfBirth: "690806",
                dateOfBirthCheckDigit: "1", dateOfExpiry: "940623", dateOfExpiryCheckDigit: "6")
        }
        #expect(throws: MRZError.self) { try MRZKeyInput(documentNumber: "L89!", dateOfBirth: "690806", dateOfExpiry: "940623") }
        #expect(throws: MRZError.self) { try MRZKeyInput(documentNumber: "L898902C", dateOfBirth: "6908", dateOfExpiry: "940623") }
        _ = v
    }

    @Test func longDocumentNumberAndMRZKeyBridge() throws {
        // App. D.2: D23145890734 (12 characters) → MRZ_information D23145890734934071279507122.
        let key = try MRZKeyInput(documentNumber: "D23145890734", dateOfBirth: "340712", dateOfExpiry: "950712")
        #expect(key.mrzInformation == "D23145890734934071279507122")
        let mrzKey = try MRZKey(parsing: "L898902C,690806,940623")
        #expect(try MRZKeyInput(mrzKey).mrzInformation == "L898902C<369080619406236")
    }

    @Test func mutualAuthentication() throws {
        let v = try Vectors.section("bac")
        let keys = try BACKeys(input(v))
        #expect(BACAuthentication.getChallengeCommand().bytesForTest == (try v.hex("get_challenge_apdu")))
        let challenge = try BACAuthentication.makeChallenge(
            keys: keys, rndIC: v.hex("rnd_ic"), rndIFD: v.hex("rnd_ifd"), kIFD: v.hex("k_ifd"))
        #expect(Array(challenge.commandData[0..<32]) == (try v.hex("e_ifd")))
        #expect(Array(challenge.commandData[32...]) == (try v.hex("m_ifd")))
        #expect(challenge.commandData == (try v.hex("cmd_data")))
        #expect(challenge.command.bytesForTest == (try v.hex("external_authenticate_apdu")))
        // The chip side of the example: E_IC / M_IC.
        #expect(try TripleDES.encryptCBC(key: keys.encryptionKey, data: v.hex("r")) == (try v.hex("e_ic")))
        let state = try BACAuthentication.completeAuthentication(
            keys: keys, challenge: challenge, responseData: v.hex("resp_data"))
        #expect(try Bytes.xor(v.hex("k_ifd"), v.hex("k_ic")) == v.hex("ks_seed"))
        #expect(state.keys.encryptionKey == (try v.hex("ks_enc")))
        #expect(state.keys.macKey == (try v.hex("ks_mac")))
        #expect(state.ssc.bytes == (try v.hex("ssc")))
    }

    @Test func tamperedChipCryptogramIsRejected() throws {
        let v = try Vectors.section("bac")
        let keys = try BACKeys(input(v))
        let challenge = try BACAuthentication.makeChallenge(
            keys: keys, rndIC: v.hex("rnd_ic"), rndIFD: v.hex("rnd_ifd"), kIFD: v.hex("k_ifd"))
        var response = try v.hex("resp_data")
        response[5] ^= 0x01
        #expect(throws: AccessControlError.authenticationFailed(step: "EXTERNAL AUTHENTICATE")) {
            try BACAuthentication.completeAuthentication(keys: keys, challenge: challenge, responseData: response)
        }
        #expect(throws: AccessControlError.self) {
            try BACAuthentication.completeAuthentication(keys: keys, challenge: challenge, responseData: [1, 2, 3])
        }
    }

    @Test func driverOverReplay() async throws {
        let v = try Vectors.section("bac")
        let transport = replay([
            (try v.hex("get_challenge_apdu"), try v.hex("rnd_ic") + sw9000),
            (try v.hex("external_authenticate_apdu"), try v.hex("resp_data") + sw9000),
        ])
        let random = QueuedRandomSource([try v.hex("rnd_ifd"), try v.hex("k_ifd")])
        let result = try await BACProtocol.perform(
            channel: APDUChannel(transport: transport), key: input(v), random: random)
        #expect(result.secureMessaging.keys.encryptionKey == (try v.hex("ks_enc")))
        #expect(result.secureMessaging.ssc.bytes == (try v.hex("ssc")))
        try transport.assertFinished()
    }

    @Test func wrongKeyIsTypedAndDistinctFromTransportErrors() async throws {
        let v = try Vectors.section("bac")
        let transport = replay([
            (try v.hex("get_challenge_apdu"), try v.hex("rnd_ic") + sw9000),
            (try v.hex("external_authenticate_apdu"), [0x63, 0x00]),
        ])
        let random = QueuedRandomSource([try v.hex("rnd_ifd"), try v.hex("k_ifd")])
        await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: nil)) {
            try await BACProtocol.perform(channel: APDUChannel(transport: transport), key: input(v), random: random)
        }
    }
}

extension CommandAPDU {
    var bytesForTest: [UInt8] { (try? encoded()) ?? [] }
}
