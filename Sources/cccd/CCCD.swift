import ArgumentParser
import CCCDKit
import CCCDVerification

@main
struct CCCD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccd",
        abstract: "Read and verify Vietnamese chip ID cards (CCCD) and other ICAO 9303 documents.",
        subcommands: [
            ReadersCommand.self, ReadCommand.self, VerifyCommand.self, MatchCommand.self, SimCommand.self, AuditCommand.self,
            TrustCommand.self, InspectCommand.self, DoctorCommand.self, EvidenceCommand.self, TokenCommand.self,
        ])
}

/// Exit codes shared by the subcommands (docs/interfaces.md).
enum ExitCodes {
    static let couldNotRead = ExitCode(2)
    static let usage = ExitCode(64)
    static let invalid = ExitCode(3)
    static let untrustedOrIncomplete = ExitCode(4)
    static let expired = ExitCode(5)
}

extension ExitCodes {
    /// 0 valid, 3 invalid, 4 untrusted or incomplete, 5 expired (docs/interfaces.md).
    static func forVerification(_ overall: PassiveStatus) -> ExitCode {
        switch overall {
        case .valid: return .success
        case .invalid: return invalid
        case .expired: return expired
        case .untrusted, .incomplete: return untrustedOrIncomplete
        }
    }
}
