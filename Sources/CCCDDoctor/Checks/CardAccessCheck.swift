import CCCDKit
import CCCDLDS

/// With `--can`: PACE with the CAN and one READ of EF.COM through the ordinary reader, reporting
/// only the protocol and the size read (never the content).
enum CardAccessCheck {
    static func run(can: String, reader: String?) async -> DoctorCheck {
        let options = ReadOptions(
            dataGroups: [], includePhoto: false, includeSecurityObject: false,
            cardTimeout: .seconds(5), exchangeTimeout: .seconds(5), verifier: nil)
        do {
            let result = try await CardReader().read(reader: reader, access: .can(can), options: options).result()
            guard case .read(let bytes) = result.files[.com] else {
                return .fail(
                    "card-access", "access worked (\(result.access.protocol)) but EF.COM was not read",
                    fix: "The card or reader drops protected reads: try another reader or `cccd read --can …` for the full error."
                )
            }
            return .pass("card-access", "\(result.access.protocol) with the CAN, then EF.COM read (\(bytes) bytes)")
        } catch {
            return .fail(
                "card-access", "the protected test exchange failed: \(error)",
                fix: "Check the CAN (the 6 digits on the card's front) and keep the card still on the reader.")
        }
    }
}
