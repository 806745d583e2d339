import CCCDDaemonAPI
import CCCDKit
import CCCDLDS
import CCCDVerification
import Foundation
import Hummingbird
import Metrics

/// `POST /v1/verify`: offline verification of uploaded dump files, as `cccd verify --json` (the same
/// result model as a read, docs/schema/read-result.schema.json).
enum VerifyRoutes {
    static func register(on router: RouterGroup<DaemonRequestContext>, services: DaemonServices) {
        router.post("/v1/verify") { request, context in
            let started = ContinuousClock.now
            let verify = try await request.decode(as: VerifyRequest.self, context: context)
            let dump = DumpFolder(
                files: verify.files, activeAuthentication: verify.activeAuthentication,
                chipAuthentication: verify.chipAuthentication)
            let report = OfflineVerification.verify(dump, trustStore: services.trustStore)
            let document = CardReadResult(dump: dump.files, verification: report)
            try services.audit.recordVerify(
                passive: report.passive.status.rawValue, overall: report.overall.rawValue,
                personalNumber: document.citizen?.personalNumber ?? document.document?.personalNumber,
                clientID: DaemonRouter.clientID(request, context), outcome: "ok", duration: ContinuousClock.now - started)
            Counter(label: "cccdd_verifies_total", dimensions: [("overall", report.overall.rawValue)]).increment()
            return try JSONResponse.response(document)
        }
    }
}
