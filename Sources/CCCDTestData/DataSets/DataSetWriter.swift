import CCCDCrypto
import CCCDLDS
import Foundation

/// Builds a data set's files (dump-folder layout + `card.json` + `pki/`) from a ``DataSetSpec``.
public enum DataSetWriter {
    /// PACE of the card: ECDH generic mapping, AES-128, brainpoolP256r1 (parameter 13).
    public static let paceOID = "0.4.0.127.0.7.2.2.4.2.2"
    /// Chip Authentication: ECDH, AES-128.
    public static let chipAuthenticationOID = "0.4.0.127.0.7.2.2.3.2.2"
    /// ecdsa-plain-SHA256 (BSI TR-03111), named in DG14 for ECDSA Active Authentication.
    public static let ecdsaPlainSHA256 = "0.4.0.127.0.7.1.1.4.1.3"
    static let terminalAuthenticationOID = "0.4.0.127.0.7.2.2.2"
    static let chipKeyID = 1

    /// The files of one card, before writing.
    public struct Output: Sendable {
        public var files: [String: [UInt8]]
        public var cardJSON: [UInt8]
        public var pki: [String: [UInt8]]
    }

    /// Chip keys of a data set (generated once, kept in `<dataset>/keys`).
    public struct ChipKeys: Sendable {
        public var activeAuthentication: TestKey
        public var chipAuthentication: TestKey
    }

    public static func chipKeys(_ spec: DataSetSpec, folder: URL) throws(TestDataError) -> ChipKeys {
        ChipKeys(
            activeAuthentication: try TestKey.loadOrGenerate(
                spec.activeAuthenticationKey, at: folder.appendingPathComponent("keys/aa.key.pem")),
            chipAuthentication: try TestKey.loadOrGenerate(
                .ec(curve: "brainpoolP256r1", explicitParameters: false), at: folder.appendingPathComponent("keys/ca.key.pem")))
    }

    /// The DG files (1, 2, 13, 14, 15) of a card.
    public static func dataGroups(_ spec: DataSetSpec, keys: ChipKeys, photo: [UInt8]) throws(TestDataError) -> [Int: [UInt8]] {
        do {
            guard let size = ImageSize.of(photo) else { throw TestDataError.invalidInput("photo is neither JPEG nor JPEG 2000") }
            let jp2 = ImageFormat.detect(photo).isJPEG2000
            var dg14Infos = [
                try LDSBuilder.protocolInfo(oid: chipAuthenticationOID, version: 1, id: chipKeyID),
                try LDSBuilder.chipAuthenticationPublicKeyInfo(
                    subjectPublicKeyInfo: try keys.chipAuthentication.subjectPublicKeyInfo(), keyID: chipKeyID),
                try LDSBuilder.protocolInfo(oid: paceOID, version: 2, id: 13),
            ]
            if !keys.activeAuthentication.isRSA {
                dg14Infos.append(try LDSBuilder.activeAuthenticationInfo(signatureAlgorithm: ecdsaPlainSHA256))
            }
            return [
                1: try LDSBuilder.dg1(mrz: try spec.citizen.mrz()),
                2: try LDSBuilder.dg2(
                    image: photo, width: size.width, height: size.height, jpeg2000: jp2, female: spec.citizen.female),
                13: try LDSBuilder.dg13(fields: spec.citizen.dg13Fields()),
                14: try LDSBuilder.dg14(securityInfos: LDSBuilder.securityInfos(dg14Infos)),
                15: try LDSBuilder.dg15(subjectPublicKeyInfo: try keys.activeAuthentication.subjectPublicKeyInfo()),
            ]
        } catch let error as TestDataError {
            throw error
        } catch {
            throw .invalidInput("\(error)")
        }
    }

    /// Variations of EF.SOD for tamper tests.
    public struct SODOptions: Sendable {
        /// Data groups whose hash is left out.
        public var omit: Set<Int> = []
        /// Declare this hash algorithm while hashing with the spec's (the "wrong hash algorithm" case).
        public var declaredHash: String?
        public var cms = CMSSigner.Options()
        public init() {}
    }

    /// EF.SOD over `dataGroups`, signed by `signer` (default: the spec's document signer).
    public static func securityObject(
        _ spec: DataSetSpec, dataGroups: [Int: [UInt8]], pki: TestPKI, signer: String? = nil,
        options: SODOptions = SODOptions()
    ) throws(TestDataError) -> [UInt8] {
        guard let hash = HashAlgorithm(rawValue: spec.dataGroupHash) else { throw .invalidInput("hash \(spec.dataGroupHash)") }
        let declared = options.declaredHash.flatMap(HashAlgorithm.init(rawValue:)) ?? hash
        var hashes: [(Int, [UInt8])] = []
        do {
            for number in dataGroups.keys.sorted() where !options.omit.contains(number) {
                hashes.append((number, try hash.hash(dataGroups[number]!)))
            }
            let content = try LDSBuilder.ldsSecurityObject(hashAlgorithmOID: oid(declared), hashes: hashes)
            let name = signer ?? spec.documentSigner
            var cms = options.cms
            cms.signerBySubjectKeyIdentifier = cms.signerBySubjectKeyIdentifier || spec.signerBySubjectKeyIdentifier
            let signed = try CMSSigner.sign(
                content: content, contentType: ObjectIdentifiers.ldsSecurityObject, signer: try pki.certificate(name),
                key: try pki.key(name), scheme: spec.signature, options: cms)
            return try LDSBuilder.efSOD(contentInfo: signed)
        } catch let error as TestDataError {
            throw error
        } catch {
            throw .invalidInput("\(error)")
        }
    }

    static func oid(_ hash: HashAlgorithm) -> String {
        switch hash {
        case .sha1: ObjectIdentifiers.sha1
        case .sha224: ObjectIdentifiers.sha224
        case .sha256: ObjectIdentifiers.sha256
        case .sha384: ObjectIdentifiers.sha384
        case .sha512: ObjectIdentifiers.sha512
        }
    }

    /// EF.CardAccess as on real CCCDs: TerminalAuthenticationInfo, ChipAuthenticationInfo, PACEInfo.
    public static func cardAccess() throws(TestDataError) -> [UInt8] {
        do {
            return LDSBuilder.securityInfos([
                try LDSBuilder.protocolInfo(oid: terminalAuthenticationOID, version: 1, id: nil),
                try LDSBuilder.protocolInfo(oid: chipAuthenticationOID, version: 1, id: nil),
                try LDSBuilder.protocolInfo(oid: paceOID, version: 2, id: 13),
            ])
        } catch {
            throw .invalidInput("\(error)")
        }
    }

    /// All files of a data set. `existingSOD`: kept when it still signs the same content, so
    /// regeneration does not churn the (randomised) signature.
    public static func build(
        _ spec: DataSetSpec, pki: TestPKI, keys: ChipKeys, photo: [UInt8], existingSOD: [UInt8]? = nil
    ) throws(TestDataError) -> Output {
        let groups = try dataGroups(spec, keys: keys, photo: photo)
        var sod = try securityObject(spec, dataGroups: groups, pki: pki)
        if let existingSOD, let old = try? SODParser.parse(existingSOD), let new = try? SODParser.parse(sod),
            old.ldsSecurityObjectDER == new.ldsSecurityObjectDER, old.signedData.certificates == new.signedData.certificates
        {
            sod = existingSOD
        }
        var files: [String: [UInt8]] = [:]
        for (number, bytes) in groups { files["DG\(number).bin"] = bytes }
        files["EF.SOD.bin"] = sod
        do {
            files["EF.COM.bin"] = try LDSBuilder.efCOM(dataGroups: [.dg1, .dg2, .dg3, .dg13, .dg14, .dg15])
        } catch {
            throw .invalidInput("\(error)")
        }
        files["EF.CardAccess.bin"] = try cardAccess()
        let pkiFiles: [String: [UInt8]] = [
            "csca.pem": Array(try pki.certificate(spec.csca).pem().utf8),
            "dsc.pem": Array(try pki.certificate(spec.documentSigner).pem().utf8),
        ].merging(
            (try? Data(contentsOf: pki.folder.appendingPathComponent("\(spec.csca).crl"))).map { ["csca.crl": [UInt8]($0)] } ?? [:],
            uniquingKeysWith: { a, _ in a })
        let card = try CardDescription.make(spec, keys: keys, photo: photo, files: files.keys.sorted())
        return Output(files: files, cardJSON: card, pki: pkiFiles)
    }

    /// Writes a data set into `folder` (its `keys/` are created there on first use).
    public static func write(_ spec: DataSetSpec, pki: TestPKI, folder: URL, photo: [UInt8]) throws(TestDataError) {
        let keys = try chipKeys(spec, folder: folder)
        let existing = try? Data(contentsOf: folder.appendingPathComponent("EF.SOD.bin"))
        let output = try build(spec, pki: pki, keys: keys, photo: photo, existingSOD: existing.map { [UInt8]($0) })
        for (name, bytes) in output.files { try pki.write(bytes, to: folder.appendingPathComponent(name)) }
        try pki.write(output.cardJSON, to: folder.appendingPathComponent("card.json"))
        for (name, bytes) in output.pki { try pki.write(bytes, to: folder.appendingPathComponent("pki/\(name)")) }
    }
}
