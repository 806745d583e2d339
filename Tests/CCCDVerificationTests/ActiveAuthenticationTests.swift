import CCCDChipAuthentication
import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDVerification
import Foundation
import Testing

@Suite("Active authentication (terminal side)")
struct ActiveAuthenticationTests {
    /// ICAO 9303-11 App. F: the representative F splits into M1 and H(M1 ‖ RND.IFD).
    @Test func icaoAppendixFRepresentative() throws {
        let vector = try Fixtures.vectorsJSON()["active_authentication"] as! [String: Any]
        let f = Fixtures.hex(vector["f"] as! String)
        let recovered = try ISO9796Scheme1.parse(f)
        #expect(recovered.hash == .sha1)
        #expect(recovered.m1 == Fixtures.hex(vector["m1"] as! String))
        #expect(recovered.digest == Fixtures.hex(vector["h_sha1_m1_m2"] as! String))
        #expect(ISO9796Scheme1.verify(recovered, m2: Fixtures.hex(vector["rnd_ifd_m2"] as! String)))
        #expect(!ISO9796Scheme1.verify(recovered, m2: [UInt8](repeating: 0, count: 8)))
        let command = try ActiveAuthenticator.internalAuthenticate(
            challenge: Fixtures.hex(vector["rnd_ifd_m2"] as! String), ne: 256)
        #expect(try command.encoded() == Fixtures.hex(vector["internal_authenticate_apdu"] as! String))
    }

    @Test func malformedRepresentatives() {
        #expect(throws: ISO9796Scheme1.FormatError.self) { try ISO9796Scheme1.parse([]) }
        #expect(throws: ISO9796Scheme1.FormatError.self) { try ISO9796Scheme1.parse([0x6A, 0x01, 0xBC]) }
        #expect(throws: ISO9796Scheme1.FormatError.self) { try ISO9796Scheme1.parse([0x4A] + [UInt8](repeating: 1, count: 40) + [0xBC]) }
        #expect(throws: ISO9796Scheme1.FormatError.self) { try ISO9796Scheme1.parse([0x6A] + [UInt8](repeating: 1, count: 40) + [0xAB]) }
    }

    static func publicKeyInfo(_ key: TestKey) throws -> PublicKeyInfo {
        try PublicKeyInfoParser.parse(subjectPublicKeyInfo: try key.subjectPublicKeyInfo())
    }

    @Test(arguments: [false, true])
    func rsaSignatureOfTheDataSetKey(sha256: Bool) throws {
        let keys = try DataSetWriter.chipKeys(Fixtures.spec("default"), folder: Fixtures.datasets.appendingPathComponent("default"))
        let challenge = try SecureRandom.bytes(8)
        let representative = try ChipSideSigning.iso9796Representative(
            m1Source: try SecureRandom.bytes(256), challenge: challenge, modulusBytes: 256, sha256: sha256)
        let signature = try ChipSideSigning.rsaRaw(representative, key: keys.activeAuthentication)
        let dg15 = try DG15Parser.parse(try #require(try Fixtures.dump("default").files[.dataGroup(.dg15)]))
        let good = ActiveAuthenticationVerifier.verify(signature: signature, challenge: challenge, publicKey: dg15, info: nil)
        #expect(good.status == .valid, "\(good.reasons)")
        #expect(good.method?.contains(sha256 ? "SHA256" : "SHA1") == true)
        // Another challenge, a flipped bit, a clone's key: invalid.
        #expect(ActiveAuthenticationVerifier.verify(
            signature: signature, challenge: [1, 2, 3, 4, 5, 6, 7, 8], publicKey: dg15, info: nil).status == .invalid)
        var flipped = signature
        flipped[100] ^= 1
        #expect(ActiveAuthenticationVerifier.verify(signature: flipped, challenge: challenge, publicKey: dg15, info: nil).status == .invalid)
        let clone = try TestKey.generate(.rsa(bits: 2048))
        let cloneSignature = try ChipSideSigning.rsaRaw(representative, key: clone)
        #expect(ActiveAuthenticationVerifier.verify(
            signature: cloneSignature, challenge: challenge, publicKey: dg15, info: nil).status == .invalid)
        #expect(ActiveAuthenticationVerifier.verify(
            signature: Array(signature.prefix(100)), challenge: challenge, publicKey: dg15, info: nil).status == .invalid)
    }

    @Test(arguments: ["no-expiry", "jp2-photo"])
    func ecdsaPlainAndDER(dataset: String) throws {
        let folder = Fixtures.datasets.appendingPathComponent(dataset)
        let keys = try DataSetWriter.chipKeys(Fixtures.spec(dataset), folder: folder)
        let dump = try Fixtures.dump(dataset)
        let dg15 = try DG15Parser.parse(try #require(dump.files[.dataGroup(.dg15)]))
        let dg14 = try DataGroup14.securityInfos(try #require(dump.files[.dataGroup(.dg14)]))
        let info = try #require(dg14.activeAuthenticationInfos.first)
        let challenge = try SecureRandom.bytes(8)
        let der = try ChipSideSigning.ecdsa(challenge, hash: "SHA256", key: keys.activeAuthentication)
        let plain = try #require(ECDSASignatureEncoding.plain(fromDER: der, componentLength: 32))
        #expect(plain.count == 64)
        for signature in [der, plain] {
            let result = ActiveAuthenticationVerifier.verify(signature: signature, challenge: challenge, publicKey: dg15, info: info)
            #expect(result.status == .valid, "\(result.reasons)")
        }
        // Without ActiveAuthenticationInfo: still verified, with a warning.
        let assumed = ActiveAuthenticationVerifier.verify(signature: plain, challenge: challenge, publicKey: dg15, info: nil)
        #expect(assumed.status == .valid)
        #expect(assumed.reasons.contains { $0.code == .algorithmAssumed })
        var bad = plain
        bad[10] ^= 1
        #expect(ActiveAuthenticationVerifier.verify(signature: bad, challenge: challenge, publicKey: dg15, info: info).status == .invalid)
        #expect(ActiveAuthenticationVerifier.verify(signature: [], challenge: challenge, publicKey: dg15, info: info).status == .invalid)
        // A SHA-1 signature when DG14 names SHA-256: invalid.
        let sha1 = try ChipSideSigning.ecdsa(challenge, hash: "SHA1", key: keys.activeAuthentication)
        #expect(ActiveAuthenticationVerifier.verify(signature: sha1, challenge: challenge, publicKey: dg15, info: info).status == .invalid)
    }

    @Test func expectedLengths() {
        #expect(ActiveAuthenticator.expectedLengths(signatureSize: 256, extendedLengthSupported: true) == [65536, 256])
        #expect(ActiveAuthenticator.expectedLengths(signatureSize: 128, extendedLengthSupported: true) == [256, 65536])
        #expect(ActiveAuthenticator.expectedLengths(signatureSize: 256, extendedLengthSupported: false) == [256])
        #expect(ActiveAuthenticator.expectedLengths(signatureSize: 384, extendedLengthSupported: true) == [65536, 256])
        #expect(ActiveAuthenticator.expectedLengths(signatureSize: 128, extendedLengthSupported: false) == [256])
    }
}

@Suite("Active authentication on hostile input")
struct ActiveAuthenticationHostileTests {
    @Test func garbageNeverVerifies() throws {
        for dataset in ["default", "no-expiry"] {
            let dump = try Fixtures.dump(dataset)
            let dg15 = try DG15Parser.parse(try #require(dump.files[.dataGroup(.dg15)]))
            for length in [0, 1, 2, 7, 63, 64, 65, 72, 255, 256, 257, 1000] {
                let signature = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
                let result = ActiveAuthenticationVerifier.verify(
                    signature: signature, challenge: [1, 2, 3, 4, 5, 6, 7, 8], publicKey: dg15, info: nil)
                #expect(result.status == .invalid, "\(dataset) length \(length)")
            }
            let ones = [UInt8](repeating: 0xFF, count: 256)
            #expect(ActiveAuthenticationVerifier.verify(
                signature: ones, challenge: [0], publicKey: dg15, info: nil).status == .invalid)
        }
    }

    @Test func unsupportedKey() throws {
        let key = PublicKeyInfo(
            algorithm: CCCDLDS.AlgorithmIdentifier(oid: "1.2.840.10040.4.1", parameters: nil, der: []),
            key: .other(subjectPublicKey: [1, 2, 3]), subjectPublicKeyInfoDER: [0x30, 0x03, 0x02, 0x01, 0x00])
        let result = ActiveAuthenticationVerifier.verify(signature: [1], challenge: [1], publicKey: key, info: nil)
        #expect(result.status == .invalid)
        #expect(result.reasons.contains { $0.code == .publicKeyUnsupported })
    }
}
