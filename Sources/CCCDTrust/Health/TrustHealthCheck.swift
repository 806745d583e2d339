import CCCDVerification
import Foundation

/// `cccd trust check`: what will make genuine cards read `untrusted` (or trust the wrong issuer)
/// soon or now — no anchor, an anchor expired or expiring, a CSCA whose signing-key period is
/// over with no successor installed, a CRL past its next update, a "CSCA Vietnam" lookalike that
/// is not the official certificate.
package enum TrustHealthCheck {
    /// How far ahead an anchor's expiry is reported.
    package static let expiryWarningDays = 90

    package static func run(_ folder: TrustFolder, at time: Date = Date()) -> [TrustProblem] {
        // One read of the folder (a master list alone holds hundreds of certificates).
        let installed = folder.installed()
        let authorities = TrustFolder.authorities(in: installed)
        let entries = folder.entries(installed, at: time)
        let hasMasterList = entries.contains { $0.kind == .masterList }
        var problems: [TrustProblem] = []
        if authorities.isEmpty && !hasMasterList {
            problems.append(TrustProblem(
                .noAnchor,
                "The trust store \(folder.url.path) holds no CSCA: every card will read untrusted. "
                    + "Install the CSCAs with `cccd trust add` (docs/trust-store.md)."))
        }
        let warnUntil = time.addingTimeInterval(TimeInterval(expiryWarningDays) * 86_400)
        for (file, certificate) in authorities {
            let name = file.lastPathComponent
            if let notAfter = certificate.notAfter, notAfter < time {
                problems.append(TrustProblem(
                    .anchorExpired, "\(certificate.subject) expired on \(TrustFolder.day(notAfter)).", file: name))
            } else if let notAfter = certificate.notAfter, notAfter < warnUntil {
                problems.append(TrustProblem(
                    .anchorExpiring,
                    "\(certificate.subject) expires on \(TrustFolder.day(notAfter)), within \(expiryWarningDays) days.",
                    file: name))
            }
            if let keyEnd = certificate.privateKeyUsagePeriod?.notAfter, keyEnd < time,
                !hasSuccessor(certificate, among: authorities.map(\.certificate), at: time)
            {
                problems.append(TrustProblem(
                    .signingPeriodOver,
                    "\(certificate.subject) stopped signing on \(TrustFolder.day(keyEnd)) and no newer CSCA "
                        + "or link certificate of the same issuer is installed: cards personalised since then will read untrusted. "
                        + "Install the issuer's next CSCA certificate (docs/trust-store.md, rollover).",
                    file: name))
            }
            if isLookalike(certificate, among: authorities.map(\.certificate)) {
                problems.append(TrustProblem(
                    .lookalike,
                    "\(certificate.subject) calls itself a Vietnamese CSCA but is not an official certificate "
                        + "(SHA-256 \(TrustFolder.fingerprint(certificate.der))) and is not certified by one: remove it "
                        + "unless its fingerprint was confirmed with the issuer.",
                    file: name))
            }
        }
        for entry in entries where entry.kind == .crl {
            if let next = entry.nextUpdate, next < time {
                problems.append(TrustProblem(
                    .crlOutdated,
                    "The CRL of \(entry.issuer ?? "?") was due for renewal on \(TrustFolder.day(next)): run `cccd trust update`.",
                    file: entry.file))
            }
        }
        return problems
    }

    /// Whether another installed CA certificate of the same issuer name, with another key, may still sign.
    static func hasSuccessor(_ certificate: X509Certificate, among all: [X509Certificate], at time: Date) -> Bool {
        all.contains { other in
            other != certificate && other.subjectDER == certificate.subjectDER
                && other.subjectKeyIdentifier != certificate.subjectKeyIdentifier
                && (other.privateKeyUsagePeriod?.notAfter).map { $0 >= time } ?? ((other.notAfter ?? .distantPast) >= time)
        }
    }

    /// A certificate naming itself a Vietnamese CSCA that is neither pinned nor certified by a pinned one.
    static func isLookalike(_ certificate: X509Certificate, among all: [X509Certificate]) -> Bool {
        guard certificate.subjectCountry?.uppercased() == "VN", certificate.subject.uppercased().contains("CSCA") else {
            return false
        }
        if OfficialAnchor.matching(sha256: TrustFolder.fingerprint(certificate.der)) != nil { return false }
        let officials = all.filter { OfficialAnchor.matching(sha256: TrustFolder.fingerprint($0.der)) != nil }
        return !officials.contains { certificate.isSigned(by: $0) }
    }
}
