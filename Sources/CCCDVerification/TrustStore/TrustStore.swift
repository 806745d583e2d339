import COpenSSL
import Foundation

/// Trusted CSCA certificates, CRLs and known document signer certificates, with the report of
/// how they were loaded.
///
/// Immutable after creation; the OpenSSL `X509_STORE` of the anchors is built once and only read
/// afterwards (OpenSSL allows concurrent verification against one store), hence `@unchecked Sendable`.
public final class TrustStore: @unchecked Sendable {
    /// The trust anchors (CSCA and link certificates).
    public let anchors: [X509Certificate]
    /// CRLs (used for the certificates their issuer signed).
    public let revocationLists: [X509RevocationList]
    /// Document signer certificates supplied separately (used when EF.SOD carries none).
    public let documentSigners: [X509Certificate]
    /// What was loaded and what was skipped, and why.
    public let report: TrustStoreLoadReport

    let store: OpaquePointer

    /// A store from already decoded objects.
    public init(
        anchors: [X509Certificate], revocationLists: [X509RevocationList] = [],
        documentSigners: [X509Certificate] = [], report: TrustStoreLoadReport = TrustStoreLoadReport()
    ) {
        var unique: [X509Certificate] = []
        for anchor in anchors where !unique.contains(anchor) { unique.append(anchor) }
        self.anchors = unique
        self.revocationLists = revocationLists
        self.documentSigners = documentSigners
        self.report = report
        // X509_STORE_new only fails on allocation failure; a store that cannot be built then holds
        // no anchors at all, which fails closed (nothing is trusted).
        store = X509_STORE_new()!
        for anchor in unique {
            _ = X509_STORE_add_cert(store, anchor.x509)
        }
        ERR_clear_error()
    }

    deinit { X509_STORE_free(store) }

    /// An empty store: nothing is trusted.
    public static let empty = TrustStore(anchors: [])

    /// Whether `certificate` is one of the anchors.
    public func contains(_ certificate: X509Certificate) -> Bool { anchors.contains(certificate) }

    /// A store holding this store's content plus `other`'s.
    public func merged(with other: TrustStore) -> TrustStore {
        TrustStore(
            anchors: anchors + other.anchors, revocationLists: revocationLists + other.revocationLists,
            documentSigners: documentSigners + other.documentSigners, report: report.appending(other.report))
    }
}
