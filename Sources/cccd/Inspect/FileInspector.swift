import CCCDLDS
import CCCDProtocols
import CCCDVerification
import Foundation

/// Parses one file for `cccd inspect` with the parser its kind calls for.
enum FileInspector {
    /// A file none of the parsers recognised.
    struct Unrecognised: Error, CustomStringConvertible {
        var description: String
    }

    static func inspect(path: String) -> InspectReport {
        var report = InspectReport(path: path)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            report.failure = .init(message: "cannot read the file: \(error.localizedDescription)", kind: "unreadable")
            return report
        }
        report.bytes = bytes.count
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let kind = InspectedKind.detect(fileName: name, bytes: bytes) else {
            let first = bytes.first.map { String(format: "%02X", $0) } ?? "none (empty file)"
            report.failure = .init(message: "not an LDS file, certificate, CRL or master list (first byte \(first))", kind: "unrecognised")
            return report
        }
        report.kind = kind
        let candidates = kind == .sequence ? InspectedKind.sequenceCandidates : [kind]
        var firstError: (any Error)?
        for candidate in candidates {
            do {
                report.fields = try fields(candidate, bytes)
                report.kind = candidate
                return report
            } catch {
                firstError = firstError ?? error
            }
        }
        let error: any Error =
            (kind == .sequence ? nil : firstError)
            ?? Unrecognised(description: "not a certificate, CRL, master list or EF.CardSecurity")
        let errorKind = (error as? LDSError)?.kind.rawValue ?? String(describing: type(of: error))
        let fault = kind == .pem ? nil : TLVStructure.firstFault(in: bytes)
        report.failure = .init(message: String(describing: error), kind: errorKind, fault: fault)
        return report
    }

    static func fields(_ kind: InspectedKind, _ bytes: [UInt8]) throws -> InspectValue {
        switch kind {
        case .lds(.cardAccess):
            return SecurityInfosFields.of(try SecurityInfos(encoded: bytes))
        case .lds(.dataGroup(.dg14)):
            return SecurityInfosFields.of(try DataGroup14.securityInfos(bytes))
        case .lds(.cardSecurity):
            let signedData = try SignedDataParser.parse(contentInfo: bytes)
            let infos = try SecurityInfos(encoded: signedData.encapsulatedContent ?? [])
            return .fields([("signedData", LDSFields.signedData(signedData)), ("content", SecurityInfosFields.of(infos))])
        case .lds(let file):
            return LDSFields.of(try LDSFileParser.parse(file, bytes: bytes))
        case .certificate:
            return CertificateFields.certificate(try X509Certificate(der: bytes))
        case .revocationList:
            return CertificateFields.revocationList(try X509RevocationList(der: bytes))
        case .masterList:
            return CertificateFields.masterList(try MasterList(der: bytes))
        case .pem:
            let certificates = X509Certificate.certificates(pem: bytes)
            let lists = X509RevocationList.revocationLists(pem: bytes)
            guard !certificates.isEmpty || !lists.isEmpty else {
                throw Unrecognised(description: "PEM without a certificate or CRL")
            }
            return .fields([
                ("certificates", certificates.isEmpty ? nil : .list(certificates.map(CertificateFields.certificate(_:)))),
                ("revocationLists", lists.isEmpty ? nil : .list(lists.map(CertificateFields.revocationList(_:)))),
            ])
        case .sequence:
            throw Unrecognised(description: "not a certificate, CRL, master list or EF.CardSecurity")
        }
    }
}
