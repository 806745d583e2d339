import CCCDChipAuthentication
import CCCDKit
import CCCDLDS
import CCCDTestData
import CCCDVerification
import Foundation
import Testing

@Suite("Generated data sets: genuine and tampered")
struct DataSetVerificationTests {
    static let names = ["default", "no-expiry", "card-2024", "jp2-photo"]

    @Test(arguments: names)
    func genuineIsValidWithTheTestCSCA(name: String) throws {
        let dump = try Fixtures.dump(name)
        let result = PassiveAuthenticator.verify(dump.passiveAuthenticationInput, trustStore: Fixtures.testTrust)
        #expect(result.status == .valid, "\(result.reasons)")
        #expect(result.dataGroups.values.allSatisfy { $0 == .valid })
        #expect(result.dataGroups.keys.sorted() == [1, 2, 13, 14, 15])
        #expect(result.trustAnchor?.subject.contains("CSCA Test Vietnam") == true)
        #expect(!result.has(.revocationUnknown))
    }

    @Test(arguments: names)
    func genuineIsUntrustedWithAnEmptyDefaultStore(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-empty-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = PassiveAuthenticator.verify(
            try Fixtures.dump(name).passiveAuthenticationInput, trustStore: .default(folder: folder))
        #expect(result.status == .untrusted, "\(result.reasons)")
        #expect(result.has(.certificateChainUntrusted))
    }

    @Test func withoutCRLRevocationIsReportedUnknown() throws {
        let dump = try Fixtures.dump("default")
        let result = PassiveAuthenticator.verify(dump.passiveAuthenticationInput, trustStore: Fixtures.trust("csca-ecdsa.pem"))
        #expect(result.status == .valid)
        #expect(result.has(.revocationUnknown))
    }

    @Test func perDataSetPKIFolderIsEnough() throws {
        let store = TrustStoreLoader.load(paths: [Fixtures.datasets.appendingPathComponent("no-expiry/pki")])
        let result = PassiveAuthenticator.verify(try Fixtures.dump("no-expiry").passiveAuthenticationInput, trustStore: store)
        #expect(result.status == .valid, "\(result.reasons)")
    }

    // MARK: Tampering — zero `valid` verdicts

    @Test(arguments: [1, 2, 13, 14, 15])
    func changedByteInAnyDataGroup(number: Int) throws {
        let dump = try Fixtures.dump("default")
        var groups = dump.passiveAuthenticationInput.dataGroups
        var bytes = try #require(groups[number])
        bytes[bytes.count / 2] ^= 0x01
        groups[number] = bytes
        let result = Fixtures.verify(sod: dump.files[.sod], groups: groups)
        #expect(result.status == .invalid)
        #expect(result.dataGroups[number] == .hashMismatch)
        #expect(result.reasons.contains { $0.code == .dataGroupHashMismatch && $0.dataGroup == number })
    }

    @Test func swappedPhoto() throws {
        let dump = try Fixtures.dump("default")
        var groups = dump.passiveAuthenticationInput.dataGroups
        groups[2] = try Fixtures.dataGroups("jp2-photo")[2]
        let result = Fixtures.verify(sod: dump.files[.sod], groups: groups)
        #expect(result.status == .invalid)
        #expect(result.reasons.contains { $0.code == .dataGroupHashMismatch && $0.dataGroup == 2 })
    }

    @Test(arguments: names)
    func flippedSignatureByte(name: String) throws {
        let dump = try Fixtures.dump(name)
        var sod = try #require(dump.files[.sod])
        // The signature is the last element of the SignerInfo, so the file ends with it.
        sod[sod.count - 3] ^= 0x40
        let result = Fixtures.verify(sod: sod, groups: dump.passiveAuthenticationInput.dataGroups)
        #expect(result.status == .invalid)
        #expect(result.has(.signatureInvalid), "\(result.reasons)")
    }

    @Test func changedHashInsideTheSecurityObject() throws {
        let dump = try Fixtures.dump("default")
        var sod = try #require(dump.files[.sod])
        let sodParsed = try SODParser.parse(sod)
        let dg1Hash = try #require(sodParsed.dataGroupHashes[1])
        let index = try #require(Self.find(dg1Hash, in: sod))
        sod[index] ^= 0xFF
        let result = Fixtures.verify(sod: sod, groups: dump.passiveAuthenticationInput.dataGroups)
        #expect(result.status == .invalid)
        #expect(result.has(.messageDigestMismatch))
        #expect(result.has(.dataGroupHashMismatch))
    }

    /// Re-signs the default data set's EF.SOD with another signer or options.
    static func resigned(_ dataset: String = "default", signer: String? = nil, options: DataSetWriter.SODOptions = .init())
        throws -> PassiveAuthenticationResult
    {
        let groups = try Fixtures.dataGroups(dataset)
        let sod = try DataSetWriter.securityObject(
            Fixtures.spec(dataset), dataGroups: groups, pki: try Fixtures.pki(), signer: signer, options: options)
        return Fixtures.verify(sod: sod, groups: groups)
    }

    @Test func resignedWithTheRightSignerIsValid() throws {
        let result = try Self.resigned()
        #expect(result.status == .valid, "\(result.reasons)")
    }

    @Test func signerFromAnotherCSCA() throws {
        let result = try Self.resigned(signer: "dsc-other")
        #expect(result.status == .untrusted)
        #expect(result.has(.certificateChainUntrusted))
    }

    @Test func expiredSigner() throws {
        // Sound signature and path, but the signer's certificate ended in 2021: expired, not invalid.
        let result = try Self.resigned(signer: "dsc-expired")
        #expect(result.status == .expired)
        #expect(result.reasons.contains { $0.code == .certificateExpired && $0.severity == .expired }, "\(result.reasons)")
        // Checked at a time inside its validity, the same document is valid.
        let then = Fixtures.verify(
            sod: try DataSetWriter.securityObject(
                Fixtures.spec("default"), dataGroups: try Fixtures.dataGroups("default"), pki: try Fixtures.pki(),
                signer: "dsc-expired"),
            groups: try Fixtures.dataGroups("default"), at: Fixtures.date("2020-06-01"))
        #expect(!then.has(.certificateExpired), "\(then.reasons)")
    }

    @Test func notYetValidSigner() throws {
        let result = try Self.resigned(signer: "dsc-not-yet-valid")
        #expect(result.status == .invalid)
        #expect(result.has(.certificateNotYetValid), "\(result.reasons)")
    }

    @Test func revokedSigner() throws {
        let result = try Self.resigned(signer: "dsc-revoked")
        #expect(result.status == .invalid)
        #expect(result.has(.certificateRevoked), "\(result.reasons)")
    }

    @Test func signerOfAnotherCountry() throws {
        let result = try Self.resigned(signer: "dsc-foreign")
        #expect(result.status == .invalid)
        #expect(result.has(.countryMismatch), "\(result.reasons)")
    }

    @Test func wrongHashAlgorithm() throws {
        var options = DataSetWriter.SODOptions()
        options.declaredHash = "SHA1"
        let result = try Self.resigned(options: options)
        #expect(result.status == .invalid)
        #expect(result.has(.dataGroupHashLengthMismatch), "\(result.reasons)")
        options.declaredHash = "SHA512"
        #expect(try Self.resigned(options: options).status == .invalid)
    }

    @Test func dataGroupMissingFromTheSecurityObject() throws {
        var options = DataSetWriter.SODOptions()
        options.omit = [13]
        let result = try Self.resigned(options: options)
        #expect(result.status == .invalid)
        #expect(result.dataGroups[13] == .notInSecurityObject)
        #expect(result.reasons.contains { $0.code == .dataGroupNotInSecurityObject && $0.dataGroup == 13 })
    }

    @Test func dataGroupInTheSecurityObjectButNotRead() throws {
        let dump = try Fixtures.dump("default")
        var groups = dump.passiveAuthenticationInput.dataGroups
        groups[15] = nil
        let result = Fixtures.verify(sod: dump.files[.sod], groups: groups)
        #expect(result.status == .valid)
        #expect(result.dataGroups[15] == .notRead)
        #expect(result.has(.dataGroupNotRead))
    }

    @Test func securityObjectWithoutSignedAttributes() throws {
        var options = DataSetWriter.SODOptions()
        options.cms.withoutSignedAttributes = true
        let result = try Self.resigned(options: options)
        #expect(result.status == .invalid)
        #expect(result.has(.signedAttributesMissing), "\(result.reasons)")
    }

    @Test func securityObjectWithoutCertificateUsesTheTrustStore() throws {
        var options = DataSetWriter.SODOptions()
        options.cms.withoutCertificate = true
        let groups = try Fixtures.dataGroups("default")
        let sod = try DataSetWriter.securityObject(
            Fixtures.spec("default"), dataGroups: groups, pki: try Fixtures.pki(), options: options)
        let without = Fixtures.verify(sod: sod, groups: groups)
        #expect(without.status == .incomplete)
        #expect(without.has(.signerCertificateNotFound))
        let store = Fixtures.testTrust.merged(with: Fixtures.trust("dsc-ecdsa.pem"))
        #expect(Fixtures.verify(sod: sod, groups: groups, trust: store).status == .valid)
    }

    @Test func truncatedSecurityObject() throws {
        let dump = try Fixtures.dump("default")
        let sod = try #require(dump.files[.sod])
        for length in [0, 1, 10, sod.count / 2, sod.count - 1] {
            let result = Fixtures.verify(sod: Array(sod.prefix(length)), groups: dump.passiveAuthenticationInput.dataGroups)
            #expect(result.status == .invalid, "length \(length)")
            #expect(result.has(.securityObjectMalformed))
        }
    }

    @Test func missingSecurityObjectIsIncomplete() throws {
        let result = Fixtures.verify(sod: nil, groups: try Fixtures.dataGroups("default"))
        #expect(result.status == .incomplete)
    }

    @Test func hostileInputNeverCrashes() throws {
        let sod = try #require(try Fixtures.dump("card-2024").files[.sod])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var bytes = sod
            for _ in 0..<3 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            let result = Fixtures.verify(sod: bytes, groups: [1: [0x61, 0x00]])
            #expect(result.status != .valid)
        }
    }

    @Test func reportJSONFollowsInterfaces() throws {
        let dump = try Fixtures.dump("no-expiry")
        let report = OfflineVerification.verify(dump, trustStore: Fixtures.testTrust)
        let json = try JSONSerialization.jsonObject(with: CardReadResult(dump: dump.files, verification: report).jsonData())
            as! [String: Any]
        let verification = json["verification"] as! [String: Any]
        #expect(verification["overall"] as? String == "valid")
        #expect((verification["active"] as! [String: Any])["status"] as? String == "not-performed")
        // A dump has no live-only blocks.
        #expect(json["access"] == nil && json["files"] == nil)
        #expect((verification["chip"] as! [String: Any])["status"] as? String == "not-performed")
        let document = json["document"] as! [String: Any]
        #expect(document["personalNumber"] as? String == "001058004321")
        #expect(document["dateOfExpiry"] is NSNull)
        let citizen = json["citizen"] as! [String: Any]
        #expect(citizen["fullName"] as? String == "Trần Văn Bảy")
        #expect((citizen["fields"] as! [String: [String]])["12"] == ["Không thời hạn"])
        let photo = json["photo"] as! [String: Any]
        #expect(photo["format"] as? String == "jpeg")
        #expect(photo["width"] as? Int == 240 && photo["height"] as? Int == 320)
        #expect(report.exitCode == 0)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
