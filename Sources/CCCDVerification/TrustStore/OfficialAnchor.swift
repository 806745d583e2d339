/// The official Vietnamese CSCAs, pinned by the SHA-256 of their DER (facts, not certificates:
/// the certificates themselves are provisioned into the trust store, never compiled in).
public struct OfficialAnchor: Sendable, Hashable, Codable {
    /// A short label, e.g. `VN eID CSCA (CCCD)`.
    public var label: String
    /// SHA-256 of the DER, lower-case hex.
    public var sha256: String
    /// Where the issuer publishes the certificate and its CRL (from the certificates' AIA and CRL
    /// distribution points).
    public var certificateURL: String?
    public var crlURL: String?

    /// Every pinned anchor.
    public static let all: [OfficialAnchor] = [
        OfficialAnchor(
            label: "VN eID CSCA (CCCD) 2021",
            sha256: "6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9",
            certificateURL: "http://npkd.gov.vn/crt/eid-csca-vietnam.crt",
            crlURL: "http://npkd.gov.vn/crl/eid-csca-vietnam.crl"),
        OfficialAnchor(
            label: "VN ePassport CSCA",
            sha256: "6b5fa6fe45cc4e855a73760413e08b7a9ac50a27722c702f3909a90facc991bd",
            certificateURL: nil, crlURL: nil),
    ]

    /// The pinned anchor with this fingerprint (any case).
    public static func matching(sha256: String) -> OfficialAnchor? {
        let key = sha256.lowercased()
        return all.first { $0.sha256 == key }
    }
}
