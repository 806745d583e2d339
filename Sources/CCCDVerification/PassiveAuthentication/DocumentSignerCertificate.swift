import CCCDLDS
import Foundation

/// The document signer certificate embedded in EF.SOD (the one its SignerInfo names), for hand-off
/// bundles (`dgCert`, `dsCert`). Finding it is no verdict: passive authentication checks it.
public enum DocumentSignerCertificate {
    /// The embedded certificate the first SignerInfo names; nil when EF.SOD does not parse or holds none.
    public static func embedded(inSOD sod: [UInt8]) -> X509Certificate? {
        guard let parsed = try? SODParser.parse(sod) else { return nil }
        let certificates = parsed.signedData.certificates.compactMap { try? X509Certificate(der: $0) }
        guard let signerInfo = parsed.signedData.signerInfos.first else { return nil }
        return SignerLocator.locate(signerInfo.signerIdentifier, in: certificates)
    }

    /// PEM text of `der` (64-character base64 lines).
    public static func pem(_ der: [UInt8]) -> String {
        let base64 = [UInt8](der).base64Lines()
        return "-----BEGIN CERTIFICATE-----\n\(base64)\n-----END CERTIFICATE-----\n"
    }
}

extension [UInt8] {
    fileprivate func base64Lines() -> String {
        let text = Data(self).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return text
    }
}
