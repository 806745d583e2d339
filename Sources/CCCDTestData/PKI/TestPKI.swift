import CCCDLDS
import Foundation

/// The test PKI of the data sets (`TestVectors/datasets/pki`): CSCAs, document signers, CRLs and a
/// master list. Keys are generated once and committed (`pki/keys/*.pem`, test keys only);
/// certificates and CRLs are reused when present, so regenerating gives the same files.
public final class TestPKI: @unchecked Sendable {
    public let folder: URL
    var keys: [String: TestKey] = [:]
    var certificates: [String: TestCertificate] = [:]

    /// One entity of the PKI.
    public struct Entity: Sendable {
        public var name: String
        public var key: TestKey.Spec
        public var subject: [(String, String)]
        public var serial: UInt64
        public var notBefore: String
        public var notAfter: String
        /// nil: a self-signed CSCA.
        public var issuer: String?
        /// Another entity whose key this certificate certifies (a CSCA link certificate carries
        /// the new CSCA's key, signed by the old one).
        public var keyOf: String? = nil
    }

    static let organisation = "CCCDKit Test PKI"

    /// The entities, issuers first.
    public static let entities: [Entity] = [
        Entity(
            name: "csca-ecdsa", key: .ec(curve: "brainpoolP512r1", explicitParameters: true),
            subject: [("C", "VN"), ("O", organisation), ("CN", "CSCA Test Vietnam ECDSA")], serial: 0x1001,
            notBefore: "2020-01-01", notAfter: "2040-01-01", issuer: nil),
        Entity(
            name: "csca-rsa", key: .rsa(bits: 3072),
            subject: [("C", "VN"), ("O", organisation), ("CN", "CSCA Test Vietnam RSA")], serial: 0x1002,
            notBefore: "2020-01-01", notAfter: "2040-01-01", issuer: nil),
        Entity(
            name: "csca-other", key: .ec(curve: "brainpoolP384r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", "Not Trusted Test PKI"), ("CN", "CSCA Test Other")], serial: 0x1003,
            notBefore: "2020-01-01", notAfter: "2040-01-01", issuer: nil),
        Entity(
            name: "dsc-ecdsa", key: .ec(curve: "brainpoolP256r1", explicitParameters: true),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test ECDSA")], serial: 0x2001,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-ecdsa"),
        Entity(
            name: "dsc-rsa-pss", key: .rsa(bits: 2048),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test RSA-PSS")], serial: 0x2002,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-rsa"),
        Entity(
            name: "dsc-revoked", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test Revoked")], serial: 0x2003,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-ecdsa"),
        Entity(
            name: "dsc-expired", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test Expired")], serial: 0x2004,
            notBefore: "2020-01-01", notAfter: "2021-01-01", issuer: "csca-ecdsa"),
        Entity(
            name: "dsc-not-yet-valid", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test Not Yet Valid")], serial: 0x2005,
            notBefore: "2039-01-01", notAfter: "2039-12-31", issuer: "csca-ecdsa"),
        Entity(
            name: "dsc-other", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", "Not Trusted Test PKI"), ("CN", "Document Signer Test Other")], serial: 0x2006,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-other"),
        Entity(
            name: "dsc-foreign", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "DE"), ("O", organisation), ("CN", "Document Signer Test Wrong Country")], serial: 0x2007,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-ecdsa"),
        // CSCA key rollover: the next generation of csca-ecdsa (same name, new P-384 key), its
        // link certificate (the new key certified by the old CSCA key) and a document signer
        // under the new key. Distinguished from the old generation by the key identifiers only.
        Entity(
            name: "csca-ecdsa-2026", key: .ec(curve: "secp384r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "CSCA Test Vietnam ECDSA")], serial: 0x1004,
            notBefore: "2026-01-01", notAfter: "2046-01-01", issuer: nil),
        Entity(
            name: "link-ecdsa-2026", key: .ec(curve: "secp384r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "CSCA Test Vietnam ECDSA")], serial: 0x1005,
            notBefore: "2026-01-01", notAfter: "2040-01-01", issuer: "csca-ecdsa", keyOf: "csca-ecdsa-2026"),
        Entity(
            name: "dsc-ecdsa-2026", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Document Signer Test ECDSA 2026")], serial: 0x2008,
            notBefore: "2026-01-15", notAfter: "2041-01-15", issuer: "csca-ecdsa-2026"),
        Entity(
            name: "mls-ecdsa", key: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            subject: [("C", "VN"), ("O", organisation), ("CN", "Master List Signer Test")], serial: 0x3001,
            notBefore: "2021-01-01", notAfter: "2036-01-01", issuer: "csca-ecdsa"),
    ]

    /// How each issuer signs certificates and CRLs.
    static func issuerScheme(_ name: String) -> SigningScheme {
        switch name {
        case "csca-ecdsa": SigningScheme(hash: "SHA512")
        case "csca-rsa": SigningScheme(hash: "SHA256")
        default: SigningScheme(hash: "SHA384")
        }
    }

    /// Loads (or creates) the PKI in `folder`.
    public init(folder: URL, regenerateCertificates: Bool = false) throws(TestDataError) {
        self.folder = folder
        for entity in Self.entities {
            let key = try TestKey.loadOrGenerate(
                entity.key, at: folder.appendingPathComponent("keys/\(entity.keyOf ?? entity.name).key.pem"))
            keys[entity.name] = key
            let url = folder.appendingPathComponent("\(entity.name).pem")
            if !regenerateCertificates, let text = try? String(contentsOf: url, encoding: .utf8) {
                certificates[entity.name] = try TestCertificate(pem: text)
                continue
            }
            let issuerName = entity.issuer ?? entity.name
            guard let issuerKey = keys[issuerName] else { throw .invalidInput("issuer \(issuerName) unknown") }
            let certificate = try TestCertificate.issue(
                TestCertificate.Spec(
                    subject: entity.subject, serial: entity.serial, notBefore: entity.notBefore,
                    notAfter: entity.notAfter, isCA: entity.issuer == nil || entity.keyOf != nil),
                subjectKey: key, issuer: entity.issuer.flatMap { certificates[$0] }, issuerKey: issuerKey,
                scheme: Self.issuerScheme(issuerName))
            try write(try certificate.pem(), to: url)
            certificates[entity.name] = certificate
        }
        try writeRevocationLists(regenerate: regenerateCertificates)
        try writeMasterList(regenerate: regenerateCertificates)
    }

    public func key(_ name: String) throws(TestDataError) -> TestKey {
        guard let key = keys[name] else { throw .invalidInput("no key \(name)") }
        return key
    }

    public func certificate(_ name: String) throws(TestDataError) -> TestCertificate {
        guard let certificate = certificates[name] else { throw .invalidInput("no certificate \(name)") }
        return certificate
    }

    /// CRLs: csca-ecdsa revokes dsc-revoked; csca-rsa revokes nothing.
    func writeRevocationLists(regenerate: Bool) throws(TestDataError) {
        for (issuer, revoked) in [("csca-ecdsa", ["dsc-revoked"]), ("csca-rsa", []), ("csca-ecdsa-2026", [])] {
            let url = folder.appendingPathComponent("\(issuer).crl")
            if !regenerate, FileManager.default.fileExists(atPath: url.path) { continue }
            let der = try TestCRL.issue(
                issuer: try certificate(issuer), issuerKey: try key(issuer),
                revoked: try revoked.map { name throws(TestDataError) in try certificate(name) },
                thisUpdate: "2026-01-01", nextUpdate: "2040-01-01", revokedOn: "2025-06-01",
                scheme: Self.issuerScheme(issuer))
            try write(der, to: url)
        }
    }

    /// A CSCA master list of the two test CSCAs, signed by the master list signer under csca-ecdsa.
    func writeMasterList(regenerate: Bool) throws(TestDataError) {
        let url = folder.appendingPathComponent("test-masterlist.ml")
        if !regenerate, FileManager.default.fileExists(atPath: url.path) { return }
        let content: [UInt8]
        do {
            content = try LDSBuilder.cscaMasterList(certificates: [try certificate("csca-ecdsa").der, try certificate("csca-rsa").der])
        } catch let error as TestDataError {
            throw error
        } catch {
            throw .invalidInput("master list: \(error)")
        }
        let der = try CMSSigner.sign(
            content: content, contentType: "2.23.136.1.1.2", signer: try certificate("mls-ecdsa"), key: try key("mls-ecdsa"),
            scheme: SigningScheme(hash: "SHA256"))
        try write(der, to: url)
    }

    func write(_ text: String, to url: URL) throws(TestDataError) { try write(Array(text.utf8), to: url) }

    func write(_ bytes: [UInt8], to url: URL) throws(TestDataError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        } catch {
            throw .io("cannot write \(url.path): \(error)")
        }
    }
}
