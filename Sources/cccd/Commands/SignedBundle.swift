import ArgumentParser
import CCCDKit
import Foundation

/// The bundle bytes `cccd evidence verify` re-verifies: the file as is, or — with `--key` — the
/// payload of a device-signed JWS whose ES256 signature the JWK checks. Fails closed: with a key,
/// an unsigned bundle or a bad signature is invalid (exit 3); a JWS without a key is refused.
enum SignedBundle {
    struct Failure: Error {
        let message: String
        let code: ExitCode

        func exit() -> ExitCode {
            printError("cccd evidence verify: \(message)")
            return code
        }
    }

    static func payload(_ path: String, keyFile: String?) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let keyFile else {
            if EvidenceJWS.isCompact(data) {
                throw Failure(
                    message: "the bundle is signed (JWS); give the device's key with --key to check it", code: ExitCodes.usage)
            }
            return data
        }
        let jwk: DeviceJWK
        do {
            jwk = try DeviceJWK(json: try Data(contentsOf: URL(fileURLWithPath: keyFile)))
        } catch {
            throw Failure(message: "cannot read the key \(keyFile): \(error)", code: ExitCodes.couldNotRead)
        }
        guard EvidenceJWS.isCompact(data) else {
            throw Failure(message: "invalid: the bundle is not signed (expected a JWS for --key)", code: ExitCodes.invalid)
        }
        do {
            return try EvidenceJWS.verify(data, jwk: jwk)
        } catch {
            throw Failure(message: "invalid: \(error)", code: ExitCodes.invalid)
        }
    }
}
