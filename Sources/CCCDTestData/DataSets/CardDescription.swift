import CCCDCrypto
import CCCDPrimitives
import Foundation

/// `card.json`: the chip's secrets and behaviour for the virtual card (format documented in
/// TestVectors/datasets/README.md). Test keys only.
public struct CardDescription: Codable, Sendable {
    public var format = "cccdkit-dataset/1"
    public var name: String
    public var description: String
    public var personalNumber: String
    public var can: String
    public var mrz: MRZInfo
    public var access: Access
    public var activeAuthentication: ActiveAuthentication
    public var chipAuthentication: ChipAuthentication
    public var behaviour: Behaviour
    public var files: [String]
    public var trust: Trust
    public var photo: Photo

    public struct MRZInfo: Codable, Sendable {
        public var documentNumber: String
        public var dateOfBirth: String
        public var dateOfExpiry: String
        public var lines: [String]
    }

    public struct PACEOffer: Codable, Sendable {
        public var oid: String
        public var protocolName: String
        public var parameterId: Int
        public var passwords: [String]
    }

    public struct Access: Codable, Sendable {
        public var pace: [PACEOffer]
        public var bac: Bool
    }

    public struct ActiveAuthentication: Codable, Sendable {
        public var algorithm: String
        public var keyBits: Int?
        public var curve: String?
        public var signatureAlgorithmOID: String?
        public var signatureFormat: String
        public var privateKeyPEM: String
    }

    public struct ChipAuthentication: Codable, Sendable {
        public var protocolOID: String
        public var protocolName: String
        public var keyId: Int
        public var curve: String
        public var privateKeyHex: String
        public var publicKeyHex: String
        public var privateKeyPEM: String
    }

    public struct Behaviour: Codable, Sendable {
        public var extendedLength: Bool
        public var maxResponseLength: Int
        public var shortFileIdentifiers: Bool
        public var protectedFiles: [String]
    }

    public struct Trust: Codable, Sendable {
        public var csca: String
        public var documentSigner: String
        public var crl: String?
        public var sharedPKI: String
    }

    public struct Photo: Codable, Sendable {
        public var format: String
        public var width: Int
        public var height: Int
        public var sha256: String
    }

    static func make(_ spec: DataSetSpec, keys: DataSetWriter.ChipKeys, photo: [UInt8], files: [String])
        throws(TestDataError) -> [UInt8]
    {
        let mrz = try spec.citizen.mrz()
        let chars = Array(mrz)
        let aa: ActiveAuthentication
        switch spec.activeAuthenticationKey {
        case .rsa(let bits):
            aa = ActiveAuthentication(
                algorithm: "RSA", keyBits: bits, curve: nil, signatureAlgorithmOID: nil,
                signatureFormat: "ISO/IEC 9796-2 scheme 1, SHA-1, trailer BC", privateKeyPEM: try keys.activeAuthentication.privateKeyPEM())
        case .ec(let curve, _):
            aa = ActiveAuthentication(
                algorithm: "ECDSA", keyBits: nil, curve: curve, signatureAlgorithmOID: DataSetWriter.ecdsaPlainSHA256,
                signatureFormat: "plain r||s (BSI TR-03111), SHA-256", privateKeyPEM: try keys.activeAuthentication.privateKeyPEM())
        }
        let size = ImageSize.of(photo) ?? (0, 0)
        let description = CardDescription(
            name: spec.name, description: spec.description, personalNumber: spec.citizen.personalNumber,
            can: spec.citizen.cardAccessNumber,
            mrz: MRZInfo(
                documentNumber: spec.citizen.documentNumber, dateOfBirth: spec.citizen.mrzBirth,
                dateOfExpiry: spec.citizen.mrzExpiry,
                lines: [String(chars[0..<30]), String(chars[30..<60]), String(chars[60..<90])]),
            access: Access(
                pace: [PACEOffer(
                    oid: DataSetWriter.paceOID, protocolName: "id-PACE-ECDH-GM-AES-CBC-CMAC-128", parameterId: 13,
                    passwords: ["CAN", "MRZ"])],
                bac: true),
            activeAuthentication: aa,
            chipAuthentication: ChipAuthentication(
                protocolOID: DataSetWriter.chipAuthenticationOID, protocolName: "id-CA-ECDH-AES-CBC-CMAC-128",
                keyId: DataSetWriter.chipKeyID, curve: "brainpoolP256r1",
                privateKeyHex: Hex.encode(try keys.chipAuthentication.ecPrivateScalar()),
                publicKeyHex: Hex.encode(try keys.chipAuthentication.ecPublicPoint()),
                privateKeyPEM: try keys.chipAuthentication.privateKeyPEM()),
            behaviour: Behaviour(
                extendedLength: true, maxResponseLength: 65536, shortFileIdentifiers: true, protectedFiles: ["DG3"]),
            files: files,
            trust: Trust(
                csca: "pki/csca.pem", documentSigner: "pki/dsc.pem", crl: "pki/csca.crl", sharedPKI: "../pki"),
            photo: Photo(
                format: photo.starts(with: [0xFF, 0xD8]) ? "jpeg" : "jp2", width: size.width, height: size.height,
                sha256: Hex.lowercase((try? HashAlgorithm.sha256.hash(photo)) ?? [])))
        let encoder = JSONCoding.encoder(pretty: true)
        do {
            return [UInt8](try encoder.encode(description)) + [0x0A]
        } catch {
            throw .invalidInput("card.json: \(error)")
        }
    }

}
