import CCCDCrypto
import CCCDLDS
import CCCDMRZ
import Foundation

/// The fields `cccd inspect` shows for each parsed LDS file (CCCDLDS models).
enum LDSFields {
    static func of(_ content: LDSFileContent) -> InspectValue {
        switch content {
        case .com(let com): return Self.com(com)
        case .sod(let sod): return Self.sod(sod)
        case .dg1(let dg1): return mrz(dg1)
        case .dg2(let dg2): return faces(dg2)
        case .biometrics(_, let group): return biometrics(group)
        case .displayedImages(_, let images):
            return .fields([
                ("declaredCount", .int(images.declaredCount)),
                ("images", .list(images.images.map { Self.image($0, format: ImageFormat.detect($0)) })),
            ])
        case .dg11(let dg11): return personalDetails(dg11)
        case .dg12(let dg12): return documentDetails(dg12)
        case .dg13(let dg13): return encoded(dg13)
        case .dg15(let dg15): return Self.publicKey(dg15)
        case .cardSecurity(let signedData): return .fields([("signedData", Self.signedData(signedData))])
        case .notInterpreted: return .fields([("interpreted", .bool(false))])
        }
    }

    static func com(_ com: EFCOM) -> InspectValue {
        .fields([
            ("ldsVersion", .string(com.ldsVersion)), ("ldsVersionText", com.ldsVersionText.map(InspectValue.string)),
            ("unicodeVersion", .string(com.unicodeVersion)),
            ("tagList", .list(com.tagList.map { .hex([$0]) })), ("dataGroups", .strings(com.dataGroups)),
        ])
    }

    static func sod(_ sod: DocumentSecurityObject) -> InspectValue {
        let lds = sod.ldsSecurityObject
        return .fields([
            ("ldsSecurityObject", .fields([
                ("version", .int(lds.version)),
                ("hashAlgorithm", algorithm(lds.hashAlgorithm)),
                ("dataGroupHashes", .list(lds.dataGroupHashes.map { hash -> InspectValue in
                    .fields([("dataGroup", .int(hash.number)), ("hash", .hex(hash.hash))])
                })),
                ("ldsVersion", lds.ldsVersionInfo.map { .string($0.ldsVersion) }),
                ("unicodeVersion", lds.ldsVersionInfo.map { .string($0.unicodeVersion) }),
            ])),
            ("signedData", signedData(sod.signedData)),
        ])
    }

    static func signedData(_ data: SignedData) -> InspectValue {
        .fields([
            ("version", .int(data.version)),
            ("digestAlgorithms", .list(data.digestAlgorithms.map(algorithm))),
            ("encapsulatedContentType", .string(data.encapsulatedContentType)),
            ("encapsulatedContentBytes", data.encapsulatedContent.map { .int($0.count) }),
            ("certificates", .list(data.certificates.map(CertificateFields.certificate(der:)))),
            ("crlCount", .int(data.crls.count)),
            ("signerInfos", .list(data.signerInfos.map(signerInfo))),
        ])
    }

    static func signerInfo(_ signer: SignerInfo) -> InspectValue {
        let identifier: InspectValue
        switch signer.signerIdentifier {
        case .issuerAndSerialNumber(_, let serial):
            identifier = .fields([("serialNumber", .hex(serial))])
        case .subjectKeyIdentifier(let keyIdentifier):
            identifier = .fields([("subjectKeyIdentifier", .hex(keyIdentifier))])
        }
        return .fields([
            ("version", .int(signer.version)), ("signerIdentifier", identifier),
            ("digestAlgorithm", algorithm(signer.digestAlgorithm)),
            ("signatureAlgorithm", algorithm(signer.signatureAlgorithm)),
            ("signatureBytes", .int(signer.signature.count)),
            ("signedAttributes", signer.signedAttributes.map { attributes -> InspectValue in
                .fields([
                    ("contentType", attributes.contentType.map(InspectValue.string)),
                    ("messageDigest", attributes.messageDigest.map(InspectValue.hex)),
                    ("attributeTypes", .list(attributes.attributes.map { .string($0.oid) })),
                ])
            }),
        ])
    }

    static func algorithm(_ algorithm: AlgorithmIdentifier) -> InspectValue {
        .string(algorithm.name ?? algorithm.oid)
    }

    static func mrz(_ dg1: MachineReadableZoneGroup) -> InspectValue {
        let mrz = dg1.mrz
        return .fields([
            ("format", .string(mrz.format.rawValue)), ("documentCode", .string(mrz.documentCode)),
            ("issuingState", .string(mrz.issuingState)), ("documentNumber", .string(mrz.documentNumber)),
            ("primaryIdentifier", .string(mrz.primaryIdentifier)),
            ("secondaryIdentifier", .string(mrz.secondaryIdentifier)),
            ("nationality", .string(mrz.nationality)), ("sex", .string(mrz.sex)),
            ("dateOfBirth", .string(mrz.dateOfBirth.text)), ("dateOfExpiry", .string(mrz.dateOfExpiry.text)),
            ("optionalData", .strings(mrz.optionalData)), ("lines", .strings(mrz.lines)),
        ])
    }

    static func faces(_ dg2: FaceBiometrics) -> InspectValue {
        var records: [InspectValue] = []
        for (template, record) in zip(dg2.group.templates, dg2.records) {
            records.append(.fields([
                ("header", header(template.header)),
                ("encoding", .string(record.encoding.rawValue)), ("version", .string(record.version)),
                ("faces", .list(record.faces.map(face))),
            ]))
        }
        return .fields([("declaredCount", .int(dg2.group.declaredCount)), ("records", .list(records))])
    }

    static func face(_ face: FaceImage) -> InspectValue {
        var pairs: [(String, InspectValue?)] = [
            ("image", image(face.imageData, format: face.imageFormat)),
            ("width", .int(face.width)), ("height", .int(face.height)),
            ("gender", .int(Int(face.gender))), ("eyeColour", .int(Int(face.eyeColour))),
            ("hairColour", .int(Int(face.hairColour))), ("faceImageType", .int(Int(face.faceImageType))),
            ("imageDataType", .int(Int(face.imageDataType))), ("colourSpace", .int(Int(face.colourSpace))),
            ("sourceType", .int(Int(face.sourceType))), ("featurePoints", .int(face.featurePoints.count)),
        ]
        if let details = face.iso39794 { pairs.append(("iso39794", encoded(details))) }
        return .fields(pairs)
    }

    static func image(_ bytes: [UInt8], format: ImageFormat) -> InspectValue {
        .fields([
            ("format", .string(format.rawValue)), ("bytes", .int(bytes.count)),
            ("sha256", .hex((try? HashAlgorithm.sha256.hash(bytes)) ?? [])),
        ])
    }

    static func header(_ header: BiometricHeader) -> InspectValue {
        .fields([
            ("biometricType", header.biometricTypeValue.map(InspectValue.int)),
            ("formatOwner", header.formatOwnerValue.map(InspectValue.int)),
            ("formatType", header.formatTypeValue.map(InspectValue.int)),
        ])
    }

    static func biometrics(_ group: BiometricInformationGroup) -> InspectValue {
        .fields([
            ("declaredCount", .int(group.declaredCount)),
            ("templates", .list(group.templates.map { template -> InspectValue in
                .fields([
                    ("header", header(template.header)), ("dataBlockBytes", .int(template.dataBlock.count)),
                    ("enciphered", .bool(template.isEnciphered)),
                ])
            })),
        ])
    }

    static func personalDetails(_ dg11: AdditionalPersonalDetails) -> InspectValue {
        .fields([
            ("fullName", dg11.fullName.map(InspectValue.string)), ("otherNames", .strings(dg11.otherNames)),
            ("personalNumber", dg11.personalNumber.map(InspectValue.string)),
            ("fullDateOfBirth", dg11.fullDateOfBirthText.map(InspectValue.string)),
            ("placeOfBirth", dg11.placeOfBirth.map(InspectValue.string)),
            ("permanentAddress", dg11.permanentAddress.map(InspectValue.string)),
            ("telephone", dg11.telephone.map(InspectValue.string)),
            ("profession", dg11.profession.map(InspectValue.string)), ("title", dg11.title.map(InspectValue.string)),
            ("otherElements", .int(dg11.otherElements.count)),
        ])
    }

    static func documentDetails(_ dg12: AdditionalDocumentDetails) -> InspectValue {
        .fields([
            ("issuingAuthority", dg12.issuingAuthority.map(InspectValue.string)),
            ("dateOfIssue", dg12.dateOfIssueText.map(InspectValue.string)),
            ("namesOfOtherPersons", .strings(dg12.namesOfOtherPersons)),
            ("endorsementsAndObservations", dg12.endorsementsAndObservations.map(InspectValue.string)),
            ("personalizationTime", dg12.personalizationTimeText.map(InspectValue.string)),
            ("personalizationSystemSerialNumber", dg12.personalizationSystemSerialNumber.map(InspectValue.string)),
            ("imageOfFrontBytes", dg12.imageOfFront.map { .int($0.count) }),
            ("imageOfRearBytes", dg12.imageOfRear.map { .int($0.count) }),
            ("otherElements", .int(dg12.otherElements.count)),
        ])
    }

    static func publicKey(_ info: PublicKeyInfo) -> InspectValue {
        var pairs: [(String, InspectValue?)] = [("algorithm", algorithm(info.algorithm))]
        switch info.key {
        case .rsa(let key):
            pairs += [("keyType", .string("RSA")), ("modulusBits", .int(key.modulusBitLength)),
                      ("publicExponent", .hex(key.publicExponent))]
        case .ec(let key):
            let curve: InspectValue
            switch key.parameters {
            case .namedCurve(let oid): curve = .string(oid)
            case .explicit: curve = .string("explicit")
            case .implicitlyCA: curve = .string("implicitlyCA")
            }
            pairs += [("keyType", .string("EC")), ("curve", curve), ("pointBytes", .int(key.point.count))]
        case .other(let key):
            pairs += [("keyType", .string("other")), ("subjectPublicKeyBytes", .int(key.count))]
        }
        return .fields(pairs)
    }

    /// A Codable model's own JSON form (e.g. DG13's `citizen` object), as a field tree.
    static func encoded<T: Encodable>(_ value: T) -> InspectValue {
        guard let data = try? JSONEncoder().encode(value),
            let tree = try? JSONDecoder().decode(InspectValue.self, from: data)
        else { return .string("unencodable") }
        return tree
    }
}
