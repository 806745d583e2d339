import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification

/// Runs Chip Authentication against a card over its secure-messaging session (which it re-keys),
/// or checks PACE-CAM's chip data against DG14.
public enum ChipAuthenticator {
    /// Chip Authentication: key agreement with DG14's chip key, then secure messaging restarted
    /// with the new keys and proven by reading a byte of DG14 — by short file identifier, or after
    /// a SELECT when `selectForProof` (a card that refused SFIs during the read). On success the
    /// channel runs on the new keys; on failure it is terminated.
    public static func perform(
        over channel: some SecureMessagingSession, dg14: SecurityInfos?, selectForProof: Bool = false
    ) async -> AuthenticationResult {
        let method: String
        switch await switchKeys(over: channel, dg14: dg14) {
        case .finished(let result): return result
        case .switched(let m): method = m
        }
        do {
            // A chip without the private key cannot protect this response with the new keys.
            let proof = try selectForProof
                ? ChipAuthenticationCommands.proofReadBySelect(fileID: 0x010E)
                : [ChipAuthenticationCommands.proofRead(sfi: 0x0E)]
            for command in proof { _ = try await channel.send(command) }
        } catch {
            await channel.terminate()
            return proofFailed(error, method: method)
        }
        return proven(method: method)
    }

    /// What ``switchKeys(over:dg14:)`` left: the channel on the new, still unproven keys, or a
    /// final result (not supported, refused, interrupted — the channel then is terminated).
    public enum KeySwitch: Sendable {
        /// The chip accepted the key agreement and the channel runs on the derived keys. They are
        /// proven only by the next protected answer: ``proven(method:)`` or ``proofFailed(_:method:)``.
        case switched(method: String)
        case finished(AuthenticationResult)
    }

    /// Chip Authentication up to the key switch, without the proof: the caller lets its next
    /// protected exchange (e.g. the next file read) prove the keys, saving the proof read.
    public static func switchKeys(over channel: some SecureMessagingSession, dg14: SecurityInfos?) async -> KeySwitch {
        guard let dg14 else { return .finished(.notSupported("the card has no DG14")) }
        let setup: ChipAuthenticationSetup
        do {
            setup = try ChipAuthenticationSelection.select(from: dg14)
        } catch .noChipAuthenticationKey {
            return .finished(.notSupported("DG14 has no chip authentication key"))
        } catch {
            return .finished(.invalid(VerificationReason(.notSupported, .failure, "\(error)")))
        }
        let method = describe(setup)
        guard let cipher = setup.cipher else {
            return .finished(.invalid(VerificationReason(.notSupported, .failure, "unknown protocol \(setup.info.protocolOID)")))
        }
        let keys: SecureMessagingKeys
        let ephemeral: ChipAuthenticationKeyAgreement.EphemeralKeyPair
        do {
            let domain = try setup.publicKey.domainParameters()
            let chipKey = try setup.publicKey.publicKeyValue()
            let random = try SecureRandom.bytes(ChipAuthenticationKeyAgreement.randomLength(domain: domain))
            ephemeral = try ChipAuthenticationKeyAgreement.ephemeralKeyPair(domain: domain, randomBytes: random)
            let secret = try ChipAuthenticationKeyAgreement.sharedSecret(
                domain: domain, privateKey: ephemeral.privateKey, chipPublicKey: chipKey)
            keys = try ChipAuthenticationKeyAgreement.sessionKeys(sharedSecret: secret, cipher: cipher)
        } catch {
            return .finished(.invalid(VerificationReason(.keyAgreementFailed, .failure, "\(error)"), method: method))
        }
        do {
            let commands = try commandSequence(setup: setup, ephemeralPublicKey: ephemeral.publicKey)
            for command in commands {
                let response = try await channel.send(command)
                guard response.status.isSuccess else {
                    await channel.terminate()
                    return .finished(.invalid(VerificationReason(
                        .cardRefused, .failure, "the chip refused chip authentication (SW \(response.status))"),
                        method: method))
                }
            }
        } catch {
            await channel.terminate()
            if let interrupted = AuthenticationInterruption.result(after: error, during: "chip authentication", method: method) {
                return .finished(interrupted)
            }
            return .finished(.invalid(VerificationReason(.transmissionFailed, .failure, "\(error)"), method: method))
        }
        await channel.replaceState(SecureMessagingState(keys: keys))
        return .switched(method: method)
    }

    /// The result once a protected answer verified under the new keys.
    public static func proven(method: String) -> AuthenticationResult {
        AuthenticationResult(status: .valid, method: method)
    }

    /// The result when the first protected exchange after the key switch failed with `error`: only
    /// an answer that fails the new keys shows a clone (`invalid`); a card that went away shows
    /// nothing (`interrupted`).
    public static func proofFailed(_ error: any Error, method: String) -> AuthenticationResult {
        if let interrupted = AuthenticationInterruption.result(after: error, during: "chip authentication", method: method) {
            return interrupted
        }
        return .invalid(VerificationReason(
            .secureMessagingFailed, .failure,
            "the chip did not answer with the keys of DG14's chip key (clone?): \(error)"), method: method)
    }

    /// The commands for `setup`: MSE:Set KAT (3DES) or MSE:Set AT + GENERAL AUTHENTICATE (AES).
    public static func commandSequence(setup: ChipAuthenticationSetup, ephemeralPublicKey: [UInt8]) throws(APDUError)
        -> [CommandAPDU]
    {
        if setup.usesGeneralAuthenticate {
            return [
                try ChipAuthenticationCommands.mseSetAT(protocolOID: setup.info.protocolOID, keyID: setup.info.keyID),
                try ChipAuthenticationCommands.generalAuthenticate(ephemeralPublicKey: ephemeralPublicKey),
            ]
        }
        return [try ChipAuthenticationCommands.mseSetKAT(ephemeralPublicKey: ephemeralPublicKey, keyID: setup.info.keyID)]
    }

    /// PACE-CAM against DG14's SecurityInfos (``PACECAMVerifier/verify(_:publicKeys:source:)``).
    public static func verifyPACECAM(
        chipAuthenticationData: [UInt8]?, chipMappingPublicKey: [UInt8]?, dg14: SecurityInfos?
    ) -> AuthenticationResult {
        PACECAMVerifier.verify(
            PACECAMVerifier.ChipData(chipAuthenticationData: chipAuthenticationData, chipMappingPublicKey: chipMappingPublicKey),
            publicKeys: dg14, source: "DG14")
    }

    static func describe(_ setup: ChipAuthenticationSetup) -> String {
        let agreement = setup.isECDH ? "ECDH" : "DH"
        let cipher = setup.cipher?.rawValue ?? "?"
        let commands = setup.usesGeneralAuthenticate ? "MSE:Set AT + GENERAL AUTHENTICATE" : "MSE:Set KAT"
        return "\(agreement) \(cipher) (\(commands))"
    }
}
