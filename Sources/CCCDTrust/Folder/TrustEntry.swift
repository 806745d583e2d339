import CCCDVerification
import Foundation

/// One item of the trust store folder as `cccd trust list` shows it. Certificate names and
/// fingerprints only: trust material holds no personal data.
package struct TrustEntry: Sendable, Codable, Hashable {
    package enum Kind: String, Sendable, Codable, Hashable {
        /// A self-signed CSCA certificate.
        case root
        /// A CSCA certificate issued by another key (a CSCA link certificate): a trust anchor too.
        case link
        /// A document signer certificate, used only to find the signer of an EF.SOD that omits it.
        case documentSigner = "document-signer"
        case crl
        case masterList = "master-list"
    }

    package var kind: Kind
    /// The file name in the folder.
    package var file: String
    /// SHA-256 of the file's DER (for certificates and CRLs: their fingerprint), lower-case hex.
    package var sha256: String
    package var subject: String?
    package var issuer: String?
    package var subjectKeyIdentifier: String?
    package var notBefore: Date?
    package var notAfter: Date?
    package var privateKeyUsagePeriod: PrivateKeyUsagePeriod?
    /// Whole days until `notAfter` (negative once expired).
    package var daysLeft: Int?
    /// The pinned official anchor this certificate is, by fingerprint (``OfficialAnchor``).
    package var official: String?
    /// For a CA certificate: whether the folder holds a CRL it signed, and that CRL's next update.
    package var crlPresent: Bool?
    package var crlNextUpdate: Date?
    /// For a CRL: its validity window.
    package var thisUpdate: Date?
    package var nextUpdate: Date?
    /// For a master list: how many CSCA certificates it holds and whether its signature verified.
    package var certificateCount: Int?
    package var detail: String?

    package init(kind: Kind, file: String, sha256: String) {
        self.kind = kind
        self.file = file
        self.sha256 = sha256
    }
}
