import CCCDTestSupport
import Testing
@testable import CCCDLDS

@Suite("EF.SOD and CMS SignedData")
struct SODTests {
    /// The SHA-256 values samples/README.md lists for the data-group files.
    static let readmeSHA256: [String: String] = [
        Samples.etsiDG1: "51B6FC0EF1946F3A86D2A4C9557C5D8ECFF13113B4131089C5C48BF7291FFDF5",
        Samples.bsiDG2: "A9A1B09DFD598087AB3FCE4AE2EC65B1A1525BD258BFC27DF4419F8A65E54745",
        Samples.bsiDG3: "403E4D17C26EBC832411898161D8FD5D99C58EE865CB3759B529AA782C7EDE00",
        Samples.bsiDG4: "4C7A0F0DDAA473123834F1B0713ED9453D1D1D58BCE447FB1736D40A0761C17B",
        Samples.tr03105DG1: "4170CA879FCE6A22FFEF1567FF88079F415C66EAD250AB5F23781AC2CDBF42B6",
        Samples.tr03105DG14: "CF5004FFCCD64E1A8BD3A42FD53814EC3D4481640BE1906D0ECFEB016EF6A6AE",
        Samples.etsiDG14: "A1A7B2285B954DD053253C1D851709F6380731176CC9EB1123546439C704108A",
        Samples.etsiDG15: "5265ECB286F406D93EC5B8965659D45450D8DA1A97575DEF4EFC7303C7408730",
        Samples.loesDG1: "9C2432BC26CF6B250839DEDC658F2BF72FA3ADAD32EC9656395F53C8D7AA13ED",
        Samples.loesDG2: "D419C73F496341FBD4F52961CC806867E17578615074DA6289A667EE741A2D9B",
        Samples.loesDG15: "CB54D8B2EF0A2EBA98F69C1162AB6308386343A4EFE66B5AC8037E240BFE051D",
    ]

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func bsi2008() throws {
        let sod = try SODParser.parse(try Samples.bytes(Samples.bsiSOD))
        #expect(sod.hashAlgorithm.oid == ObjectIdentifiers.sha1)
        #expect(sod.ldsSecurityObject.version == 0)
        #expect(sod.ldsSecurityObject.ldsVersionInfo == nil)
        #expect(sod.ldsSecurityObject.dataGroupHashes.map(\.number) == [1, 2, 3, 14])
        let files = [1: Samples.bsiDG1, 2: Samples.bsiDG2, 3: Samples.bsiDG3, 14: "bsi2008_jmrtd/Datagroup14.bin"]
        for (number, path) in files {
            #expect(sod.dataGroupHashes[number] == Digest.sha1(try Samples.bytes(path)), "DG\(number)")
        }
        // DG15 of this set is not covered by the SOD.
        #expect(sod.ldsSecurityObject.hash(for: .dg15) == nil)
        #expect(hexString(sod.dataGroupHashes[1] ?? []) == "FB1BC1921F4DC07947408A7CDD5CC0C928353809")

        let signedData = sod.signedData
        #expect(signedData.version == 3)
        #expect(signedData.digestAlgorithms.map(\.oid) == [ObjectIdentifiers.sha1])
        #expect(signedData.encapsulatedContentType == ObjectIdentifiers.ldsSecurityObject)
        #expect(signedData.certificates.count == 1)
        #expect(signedData.certificates.first?.count == 685)
        #expect(signedData.signerInfos.count == 1)
        let signer = try #require(signedData.signerInfos.first)
        #expect(signer.version == 1)
        #expect(signer.signatureAlgorithm.oid == "1.2.840.10045.4.1")
        #expect(signer.signatureAlgorithm.name == "ecdsa-with-SHA1")
        #expect(signer.digestAlgorithm.oid == ObjectIdentifiers.sha1)
        guard case .issuerAndSerialNumber(let issuer, let serial) = signer.signerIdentifier else {
            Issue.record("expected issuerAndSerialNumber")
            return
        }
        #expect(serial == [0x12, 0x67])  // 4711
        #expect(issuer.first == 0x30)
        try checkSignedAttributes(signer, content: sod.ldsSecurityObjectDER, digest: Digest.sha1)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func loes2006() throws {
        let sod = try SODParser.parse(try Samples.bytes(Samples.loesSOD))
        #expect(sod.hashAlgorithm.oid == ObjectIdentifiers.sha256)
        #expect(sod.ldsSecurityObject.dataGroupHashes.map(\.number) == [1, 2, 15])
        for (number, path) in [1: Samples.loesDG1, 2: Samples.loesDG2, 15: Samples.loesDG15] {
            #expect(hexString(sod.dataGroupHashes[number] ?? []) == Self.readmeSHA256[path], "DG\(number)")
            #expect(sod.dataGroupHashes[number] == Digest.sha256(try Samples.bytes(path)))
        }
        let signer = try #require(sod.signedData.signerInfos.first)
        #expect(signer.signatureAlgorithm.oid == "1.2.840.113549.1.1.11")
        guard case .issuerAndSerialNumber(_, let serial) = signer.signerIdentifier else {
            Issue.record("expected issuerAndSerialNumber")
            return
        }
        #expect(serial == [0x16])
        #expect(sod.signedData.certificates.count == 1)
        try checkSignedAttributes(signer, content: sod.ldsSecurityObjectDER, digest: Digest.sha256)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: [
        (
            Samples.tr03105SOD, [1, 2, 3, 14, 4],
            [Samples.tr03105DG1, Samples.bsiDG2, Samples.bsiDG3, Samples.tr03105DG14, Samples.bsiDG4], "0142FD5CF927"
        ),
        (
            Samples.etsiSOD, [1, 2, 3, 14, 15, 4],
            [Samples.etsiDG1, Samples.bsiDG2, Samples.bsiDG3, Samples.etsiDG14, Samples.etsiDG15, Samples.bsiDG4],
            "0130846F2B3E"
        ),
    ])
    func rsaPSSSamples(path: String, numbers: [Int], files: [String], serialHex: String) throws {
        let sod = try SODParser.parse(try Samples.bytes(path))
        #expect(sod.hashAlgorithm.oid == ObjectIdentifiers.sha256)
        #expect(sod.ldsSecurityObject.dataGroupHashes.map(\.number) == numbers)
        for (number, file) in zip(numbers, files) {
            #expect(hexString(sod.dataGroupHashes[number] ?? []) == Self.readmeSHA256[file], "DG\(number)")
        }
        let signer = try #require(sod.signedData.signerInfos.first)
        #expect(signer.signatureAlgorithm.oid == ObjectIdentifiers.rsassaPSS)
        // RSASSA-PSS parameters: SEQUENCE { [0] sha256, [1] mgf1(sha256), [2] salt 32 }.
        let parameters = try #require(signer.signatureAlgorithm.parameters)
        #expect(parameters.count == 54 && parameters.first == 0x30 && parameters.suffix(3) == [0x02, 0x01, 0x20])
        guard case .issuerAndSerialNumber(_, let serial) = signer.signerIdentifier else {
            Issue.record("expected issuerAndSerialNumber")
            return
        }
        #expect(hexString(serial) == serialHex)
        try checkSignedAttributes(signer, content: sod.ldsSecurityObjectDER, digest: Digest.sha256)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func tr03105SODDoesNotCoverItsDG15() throws {
        let sod = try SODParser.parse(try Samples.bytes(Samples.tr03105SOD))
        #expect(sod.ldsSecurityObject.hash(for: .dg15) == nil)
    }

    /// Signed attributes: content type, message digest over the exact eContent, and the re-tagged
    /// bytes the signature covers.
    func checkSignedAttributes(_ signer: SignerInfo, content: [UInt8], digest: ([UInt8]) -> [UInt8]) throws {
        let attributes = try #require(signer.signedAttributes)
        #expect(attributes.contentType == ObjectIdentifiers.ldsSecurityObject)
        #expect(attributes.messageDigest == digest(content))
        #expect(attributes.encoded.first == 0xA0)
        #expect(attributes.bytesForSignature.first == 0x31)
        #expect(attributes.bytesForSignature.dropFirst() == attributes.encoded.dropFirst())
        #expect(attributes.attributes.count >= 2)
        #expect(!signer.signature.isEmpty)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: Samples.cardSecurityFiles)
    func cardSecurityContentInfo(path: String) throws {
        let signedData = try SignedDataParser.parse(contentInfo: try Samples.bytes(path))
        #expect(signedData.encapsulatedContentType == ObjectIdentifiers.securityObject)
        #expect(signedData.signerInfos.count == 1)
        let content = try #require(signedData.encapsulatedContent)
        #expect(content.first == 0x31)  // SecurityInfos is a SET
        let signer = try #require(signedData.signerInfos.first)
        if let attributes = signer.signedAttributes {
            #expect(attributes.messageDigest == Digest.sha256(content))
        } else {
            // The JMRTD sample signs eContent directly (no signed attributes).
            #expect(path == "jmrtd_efcardsecurity.dump")
        }
        #expect(!signedData.certificates.isEmpty)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func berIndefiniteLengthsAreAccepted() throws {
        // Re-encode the LDS SOD's ContentInfo with indefinite lengths on the constructed wrappers, as
        // BER allows for CMS; the content must come out identical.
        let original = try Samples.bytes(Samples.loesSOD)
        let reference = try SODParser.parse(original)
        let header = try TLVHeader.decode(original)
        let contentInfo = Array(original[header.headerLength...])
        let ber = [0x77, 0x80] + indefinite(contentInfo) + [0x00, 0x00]
        let sod = try SODParser.parse(ber)
        #expect(sod.ldsSecurityObject == reference.ldsSecurityObject)
        #expect(sod.ldsSecurityObjectDER == reference.ldsSecurityObjectDER)
        #expect(sod.signedData.certificates == reference.signedData.certificates)
    }

    /// Turns the outer SEQUENCE, its [0] and the SignedData SEQUENCE into indefinite-length form.
    func indefinite(_ contentInfo: [UInt8]) -> [UInt8] {
        func split(_ bytes: [UInt8]) -> (tag: UInt8, value: [UInt8]) {
            let header = try! TLVHeader.decode(bytes)
            return (bytes[0], Array(bytes[header.headerLength..<header.totalLength]))
        }
        let outer = split(contentInfo)  // SEQUENCE { OID, [0] }
        let oidLength = Int(outer.value[1]) + 2
        let oid = Array(outer.value.prefix(oidLength))
        let wrapper = split(Array(outer.value.dropFirst(oidLength)))  // [0] { SignedData }
        let signed = split(wrapper.value)
        return [0x30, 0x80] + oid + [0xA0, 0x80] + [0x30, 0x80] + signed.value + [0, 0, 0, 0, 0, 0]
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func malformed() throws {
        #expect(kind { try SODParser.parse([]) } == .truncated)
        #expect(kind { try SODParser.parse([0x77]) } == .truncated)
        #expect(kind { try SODParser.parse(hex("76 02 30 00")) } == .wrongTag)
        #expect(kind { try SODParser.parse(hex("77 84 FF FF FF FF 30 00")) } == .tooLarge)
        #expect(kind { try SODParser.parse(hex("77 82 10 00 30 00")) } == .truncated)
        #expect(kind { try SODParser.parse(hex("77 02 30 00")) } == .unexpectedStructure)
        #expect(kind { try SODParser.parse(hex("77 0D 30 0B 06 09 2A 86 48 86 F7 0D 01 07 01")) } == .unexpectedStructure)
        #expect(kind { try SODParser.parse(hex("77 0F 30 0D 06 09 2A 86 48 86 F7 0D 01 07 01 A0 00")) } == .invalidValue)
        // An inner length beyond its parent.
        #expect(kind { try SODParser.parse(hex("77 04 30 02 06 09")) } == .truncated)
        // Indefinite length that never ends.
        #expect(kind { try SODParser.parse(hex("77 80 30 80 06 01 01")) } == .truncated)
        // A primitive element with indefinite length.
        #expect(kind { try SODParser.parse(hex("77 80 04 80 00 00")) } == .invalidEncoding)
        // Every truncation of a real SOD fails with a typed error.
        let sample = try Samples.bytes(Samples.bsiSOD)
        for length in stride(from: 0, to: sample.count, by: 7) {
            #expect(kind { try SODParser.parse(Array(sample.prefix(length))) } != nil)
        }
        // Wrong eContentType: an EF.CardSecurity is valid CMS but not an EF.SOD.
        let cardSecurity = try Samples.bytes(Samples.cardSecurityFiles[0])
        #expect(kind { try SODParser.parse(TLV.element(0x77, cardSecurity)) } == .invalidValue)
        #expect(kind { try SignedDataParser.parse(contentInfo: hex("31 00")) } == .wrongTag)
        #expect(kind { try LDSSecurityObjectParser.parse(hex("30 03 02 01 05")) } == .unexpectedStructure)
    }

    @Test func duplicateDataGroupHash() throws {
        let hashEntry = TLV.sequence(TLV.integer(1), TLV.element(0x04, [1, 2, 3]))
        let lds = TLV.sequence(
            TLV.integer(0), TLV.sequence(TLV.oid([0x2B, 0x0E, 0x03, 0x02, 0x1A])), TLV.sequence(hashEntry, hashEntry))
        #expect(kind { try LDSSecurityObjectParser.parse(lds) } == .invalidValue)
        let v1 = TLV.sequence(
            TLV.integer(1), TLV.sequence(TLV.oid([0x2B, 0x0E, 0x03, 0x02, 0x1A])), TLV.sequence(hashEntry),
            TLV.sequence(TLV.printable("0108"), TLV.printable("040000")))
        let parsed = try LDSSecurityObjectParser.parse(v1)
        #expect(parsed.ldsVersionInfo == LDSVersionInfo(ldsVersion: "0108", unicodeVersion: "040000"))
    }
}

@Suite("CMS variants")
struct CMSVariantTests {
    static let sha256OID = TLV.oid([0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01])
    static let ldsOID = TLV.oid([0x67, 0x81, 0x08, 0x01, 0x01, 0x01])
    static let signedDataOID = TLV.oid([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02])
    static let ecdsaSHA256OID = TLV.oid([0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02])

    /// An EF.SOD whose signer is named by subjectKeyIdentifier, without signed attributes, with a
    /// CRL and unsigned attributes, and no certificates.
    static func sod(ski: [UInt8], lds: [UInt8]) -> [UInt8] {
        let signer = TLV.sequence(
            TLV.integer(3), TLV.element(0x80, ski), TLV.sequence(sha256OID), TLV.sequence(ecdsaSHA256OID),
            TLV.element(0x04, [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]),
            TLV.element(0xA1, TLV.sequence(TLV.oid([0x2A, 0x03]), TLV.set(TLV.element(0x05, [])))))
        let signedData = TLV.sequence(
            TLV.integer(3), TLV.set(TLV.sequence(sha256OID, [0x05, 0x00])),
            TLV.sequence(ldsOID, TLV.element(0xA0, TLV.element(0x04, lds))),
            TLV.element(0xA1, TLV.sequence(TLV.integer(7))),
            TLV.set(signer))
        return TLV.element(0x77, TLV.sequence(signedDataOID, TLV.element(0xA0, signedData)))
    }

    static let lds = TLV.sequence(
        TLV.integer(0), TLV.sequence(sha256OID),
        TLV.sequence(
            TLV.sequence(TLV.integer(1), TLV.element(0x04, Array(repeating: 0xAB, count: 32))),
            TLV.sequence(TLV.integer(13), TLV.element(0x04, Array(repeating: 0xCD, count: 32)))))

    @Test func subjectKeyIdentifierWithoutSignedAttributes() throws {
        let ski: [UInt8] = Array(1...20)
        let sod = try SODParser.parse(Self.sod(ski: ski, lds: Self.lds))
        #expect(sod.ldsSecurityObjectDER == Self.lds)
        #expect(sod.dataGroupHashes[13] == Array(repeating: 0xCD, count: 32))
        #expect(sod.ldsSecurityObject.hash(for: .dg13)?.count == 32)
        #expect(sod.ldsSecurityObject.dataGroupHashes.map(\.dataGroup) == [.dg1, .dg13])
        #expect(sod.signedData.certificates.isEmpty)
        #expect(sod.signedData.crls.count == 1)
        let signer = try #require(sod.signedData.signerInfos.first)
        #expect(signer.version == 3)
        #expect(signer.signerIdentifier == .subjectKeyIdentifier(ski))
        #expect(signer.signedAttributes == nil)
        #expect(signer.signatureAlgorithm.name == "ecdsa-with-SHA256")
        #expect(signer.signatureAlgorithm.parameters == nil)
        #expect(signer.unsignedAttributesDER?.first == 0xA1)
        #expect(signer.signature.count == 8)
    }

    @Test func malformedSignerInfos() throws {
        // Not an LDSSecurityObject inside.
        #expect(kind { try SODParser.parse(Self.sod(ski: [1], lds: TLV.sequence(TLV.integer(0)))) } == .unexpectedStructure)
        // LDSSecurityObject version 7.
        let v7 = TLV.sequence(TLV.integer(7), TLV.sequence(Self.sha256OID), TLV.sequence())
        #expect(kind { try SODParser.parse(Self.sod(ski: [1], lds: v7)) } == .invalidValue)
        // eContent that is not DER at all.
        #expect(kind { try SODParser.parse(Self.sod(ski: [1], lds: [0x30, 0x05, 0x01])) } == .truncated)
    }
}
