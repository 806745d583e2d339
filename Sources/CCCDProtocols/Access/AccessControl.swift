import CCCDLDS
import CCCDTransport

/// The access procedure of ICAO 9303-11 §4.2: PACE when the card offers it, BAC only when it does
/// not (or when the policy explicitly allows falling back). The result names the protocol used.
package enum AccessControl {
    /// AID of the eMRTD application.
    package static let emrtdApplicationID: [UInt8] = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]

    package static func establish(channel: APDUChannel, key: AccessKey, policy: AccessPolicy = .strict,
                                 random: any RandomSource = SystemRandomSource()) async throws -> AccessResult
    {
        var cardAccess: SecurityInfos?
        var assumed = false
        switch try await CardAccessReader.read(channel: channel) {
        case .found(let bytes):
            do {
                cardAccess = try SecurityInfos(encoded: bytes)
            } catch {
                throw AccessControlError.malformedSecurityInfos("\(error)")
            }
        case .notAvailable:
            if let fallback = policy.assumedCardAccess {
                cardAccess = fallback
                assumed = true
            }
        }

        if let cardAccess, !cardAccess.paceInfos.isEmpty {
            do {
                let configuration = try PACEConfiguration.preferred(
                    from: cardAccess, allowExplicitDomainParameters: policy.allowExplicitDomainParameters)
                let result = try await PACEProtocol.perform(
                    channel: channel, key: key, configuration: configuration, random: random)
                var state = result.secureMessaging
                if policy.selectApplication {
                    state = try await selectApplicationProtected(channel: channel, state: state)
                }
                return AccessResult(
                    protocolUsed: .pace(result.algorithm, parameterID: result.parameterID), secureMessaging: state,
                    pace: result, cardAccess: cardAccess, cardAccessAssumed: assumed, paceFailure: nil)
            } catch let error as AccessControlError {
                // A wrong key is never a reason to try another protocol.
                if case .wrongAccessKey = error { throw error }
                guard policy.allowBACFallback, case .mrz(let mrz) = key else { throw error }
                let bac = try await runBAC(channel: channel, key: mrz, policy: policy, random: random)
                return AccessResult(
                    protocolUsed: .bac, secureMessaging: bac, pace: nil, cardAccess: cardAccess,
                    cardAccessAssumed: assumed, paceFailure: error)
            }
        }

        guard case .mrz(let mrz) = key else {
            throw AccessControlError.invalidAccessKey("the card offers no PACE; BAC needs the MRZ, not the CAN")
        }
        let bac = try await runBAC(channel: channel, key: mrz, policy: policy, random: random)
        return AccessResult(
            protocolUsed: .bac, secureMessaging: bac, pace: nil, cardAccess: cardAccess, cardAccessAssumed: assumed,
            paceFailure: nil)
    }

    private static func runBAC(channel: APDUChannel, key: MRZKeyInput, policy: AccessPolicy,
                               random: any RandomSource) async throws -> SecureMessagingState
    {
        if policy.selectApplication {
            let response = try await channel.send(selectApplicationCommand())
            try AccessControlError.check(response.status, step: "SELECT eMRTD application")
        }
        return try await BACProtocol.perform(channel: channel, key: key, random: random).secureMessaging
    }

    /// SELECT by AID, no response data: `00 A4 04 0C 07 A0000002471001`.
    package static func selectApplicationCommand() -> CommandAPDU {
        // Cannot fail: constant, valid command.
        try! CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x04, p2: 0x0C, data: emrtdApplicationID)
    }

    private static func selectApplicationProtected(channel: APDUChannel, state: SecureMessagingState) async throws
        -> SecureMessagingState
    {
        var state = state
        let command: CommandAPDU
        do { command = try state.protect(selectApplicationCommand()) } catch { throw AccessControlError.secureMessaging(error) }
        let response = try await channel.send(command)
        let plain: ResponseAPDU
        do { plain = try state.unprotect(response) } catch { throw AccessControlError.secureMessaging(error) }
        try AccessControlError.check(plain.status, step: "SELECT eMRTD application")
        return state
    }
}
