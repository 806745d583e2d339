import CCCDVerification
import Foundation

/// One item of the trust store folder as `cccd trust list` shows it. Certificate names and
/// fingerprints only: trust material holds no personal data.
public struct TrustEntry: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// A self-signed CSCA certificate.
        case root
        /// A CSCA certificate issued by another key (a CSCA link certificate): a trust anchor too.
        case link
        /// A document signer certificate, used only to find the signer of an EF.SOD that omits it.
        case documentSigner = "document-signer"
        case crl
        case masterList = "master-list"
    }

    public var kind: Kind
    /// The file name in the folder.
    public var file: String
    /// SHA-256 of the file's DER (for certificates and CRLs: their fingerprint), lower-case hex.
    public var sha256: String
    public var subject: String?
    public var issuer: String?
    public var subjectKeyIdentifier: String?
    public var notBefore: Date?
    public var notAfter: Date?
    public var privateKeyUsagePeriod: PrivateKeyUsagePeriod?
    /// Whole days until `notAfter` (negative once expired).
    public var daysLeft: Int?
    /// The pinned official anchor this certificate is, by fingerprint (``OfficialAnchor``).
    public var official: String?
    /// For a CA certificate: whether the folder holds a CRL it signed, and that CRL's next update.
    public var crlPresent: Bool?
    public var crlNextUpdate: Date?
    /// For a CRL: its validity window.
    public var thisUpdate: Date?
    public var nextUpdate: Date?
    /// For a master list: how many CSCA certificates it holds and whether its signature verified.
    public var certificateCount: Int?
    public var detail: String?

    public init(kind: Kind, file: String, sha256: String) {
        self.kind = kind
        self.file = file
        self.sha256 = sha256
    }
}
