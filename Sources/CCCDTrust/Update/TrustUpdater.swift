internal import AsyncHTTPClient
import CCCDVerification
import Foundation
internal import NIOCore

/// `cccd trust update` (and `cccdd`'s scheduled refresh): fetches each installed CSCA's CRL from
/// the distribution points named in the certificate — and the certificate behind its
/// `caIssuers` address — verifies what comes back with OpenSSL against the installed CSCA, and
/// replaces the installed copy atomically when newer. Nothing fetched is trusted by itself: a
/// CRL must be signed by the CSCA it belongs to, a certificate is installed only when it is a link
/// certificate issued by an installed CSCA (a new self-signed root is reported for review, never
/// installed silently).
package struct TrustUpdater: Sendable {
    package var folder: TrustFolder
    /// Replaces scheme, host and port of every URL (a bank's internal mirror of the issuer's
    /// publication points); the path is kept.
    package var mirror: URL?
    package var timeout: Duration
    /// Largest response read (CRLs of a CSCA are small; master lists are a few MB).
    package static let maximumResponseBytes = 16 << 20

    package init(folder: TrustFolder, mirror: URL? = nil, timeout: Duration = .seconds(15)) {
        self.folder = folder
        self.mirror = mirror
        self.timeout = timeout
    }

    package func update(at time: Date = Date()) async -> TrustUpdateReport {
        let authorities = folder.authorities().map(\.certificate)
        var sources: [TrustUpdateReport.Source] = []
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        for authority in authorities {
            for uri in authority.crlDistributionPointURIs {
                sources.append(await fetched(uri, client: client) { crl($1, url: $0, of: authority, at: time) })
            }
            for uri in authority.caIssuersURIs {
                sources.append(await fetched(uri, client: client) { certificate($1, url: $0, anchors: authorities, at: time) })
            }
        }
        try? await client.shutdown()
        return TrustUpdateReport(sources: sources)
    }

    /// Fetches `uri` (through the mirror) and hands the body to `evaluate`; unreachable otherwise.
    private func fetched(
        _ uri: String, client: HTTPClient, then evaluate: (String, [UInt8]) -> TrustUpdateReport.Source
    ) async -> TrustUpdateReport.Source {
        let url = effectiveURL(uri)
        switch await fetch(url, client: client) {
        case .success(let body): return evaluate(url, body)
        case .failure(let why): return .init(url: url, status: .unreachable, detail: why.description)
        }
    }

    /// A fetched CRL: installed when `authority` signed it and it is newer than the installed one.
    private func crl(_ bytes: [UInt8], url: String, of authority: X509Certificate, at time: Date) -> TrustUpdateReport.Source {
        guard let list = (try? X509RevocationList(der: bytes)) ?? X509RevocationList.revocationLists(pem: bytes).first else {
            return .init(url: url, status: .rejected, detail: "not a CRL")
        }
        guard list.isIssued(byNameOf: authority), list.isSigned(by: authority) else {
            return .init(url: url, status: .rejected, detail: "not signed by \(authority.subject)")
        }
        return install(list.der, url: url, what: "CRL of \(authority.subject), next update \(TrustFolder.day(list.nextUpdate))", at: time)
    }

    /// A fetched certificate: installed only when it is a link certificate from an installed CSCA.
    private func certificate(_ bytes: [UInt8], url: String, anchors: [X509Certificate], at time: Date)
        -> TrustUpdateReport.Source
    {
        guard let certificate = (try? X509Certificate(der: bytes)) ?? X509Certificate.certificates(pem: bytes).first else {
            return .init(url: url, status: .rejected, detail: "not a certificate")
        }
        if anchors.contains(certificate) { return .init(url: url, status: .unchanged, detail: certificate.subject) }
        guard certificate.isCertificateAuthority else {
            return .init(url: url, status: .rejected, detail: "not a CA certificate: \(certificate.subject)")
        }
        guard !certificate.isSelfSigned, anchors.contains(where: { certificate.isSigned(by: $0) }) else {
            return .init(
                url: url, status: .rejected,
                detail: "a CSCA not certified by an installed one (\(certificate.subject), SHA-256 "
                    + "\(TrustFolder.fingerprint(certificate.der))): confirm its fingerprint with the issuer, then `cccd trust add` it")
        }
        return install(certificate.der, url: url, what: "link certificate \(certificate.subject)", at: time)
    }

    private func install(_ der: [UInt8], url: String, what: String, at time: Date) -> TrustUpdateReport.Source {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-trust-\(UUID().uuidString).der")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try Data(der).write(to: scratch)
            let outcome = try folder.add([scratch], at: time).first
            switch outcome?.status {
            case .added, .replaced: return .init(url: url, status: .updated, detail: what)
            case .unchanged: return .init(url: url, status: .unchanged, detail: what)
            default: return .init(url: url, status: .rejected, detail: outcome?.detail ?? "not installed")
            }
        } catch {
            return .init(url: url, status: .rejected, detail: "\(error)")
        }
    }

    /// The URL after the mirror is applied.
    func effectiveURL(_ uri: String) -> String {
        guard let mirror, var parts = URLComponents(string: uri), let base = URLComponents(url: mirror, resolvingAgainstBaseURL: false)
        else { return uri }
        parts.scheme = base.scheme
        parts.host = base.host
        parts.port = base.port
        parts.path = (base.path.hasSuffix("/") ? String(base.path.dropLast()) : base.path) + parts.path
        return parts.string ?? uri
    }

    private func fetch(_ url: String, client: HTTPClient) async -> Result<[UInt8], FetchFailure> {
        guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(FetchFailure("only http and https addresses are fetched"))
        }
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(Int64(timeout.components.seconds)))
            // The body is always read: a response left unread holds its connection (and shutdown).
            var body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            guard response.status == .ok else { return .failure(FetchFailure("HTTP \(response.status.code)")) }
            return .success(body.readBytes(length: body.readableBytes) ?? [])
        } catch {
            return .failure(FetchFailure("\(error)"))
        }
    }
}

struct FetchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
