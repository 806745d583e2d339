import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification

/// Active and Chip Authentication over the live channel, from the DG15 / DG14 bytes of a read.
enum ChipChecks {
    /// AA (DG15), then CA (DG14). A data group that was not read makes its check `not-supported`;
    /// one that does not parse makes it `invalid`. After PACE-CAM (`paceChipAuthentication`) the
    /// chip check is PACE-CAM's, against the key of EF.CardSecurity or DG14 (``PACECAMVerifier``),
    /// and no Chip Authentication is run.
    /// `chipAuthentication`: CA already run during the read (its keys proven by a file read); it
    /// is reported as it is and CA is not run again.
    /// `shortFileIdentifiersRefused`: the card refused READ BINARY by SFI during the read, so the
    /// read that proves the CA keys SELECTs DG14 first.
    /// AA goes over `channel.sender`; CA over `channel.session`, the secure-messaging session it
    /// re-keys (a connection without one gets CA `not-performed`).
    static func run(files: [LDSFile: [UInt8]], channel: ChipChannel?, extendedLengthSupported: Bool,
                    shortFileIdentifiersRefused: Bool = false, paceChipAuthentication: PACECAMVerifier.ChipData? = nil,
                    activeAuthenticationChallenge: [UInt8]? = nil,
                    chipAuthentication: AuthenticationResult? = nil)
        async -> (active: AuthenticationResult, chip: AuthenticationResult)
    {
        // PACE-CAM was checked by the chip's answer to PACE itself: nothing more to send.
        let cam = paceChipAuthentication.map {
            PACECAMVerifier.verify($0, cardSecurity: files[.cardSecurity], dg14: files[.dataGroup(.dg14)])
        }
        guard let channel else {
            let offline = AuthenticationResult.notPerformed("no live channel (offline verification)")
            return (offline, cam ?? chipAuthentication ?? offline)
        }
        var dg14: SecurityInfos?
        var dg14Failure: AuthenticationResult?
        if let bytes = files[.dataGroup(.dg14)] {
            do {
                dg14 = try DataGroup14.securityInfos(bytes)
            } catch {
                dg14Failure = .invalid(VerificationReason(.securityInfosMalformed, .failure, "DG14 does not parse: \(error)"))
            }
        }

        let active: AuthenticationResult
        if let bytes = files[.dataGroup(.dg15)] {
            do {
                let key = try DG15Parser.parse(bytes)
                active = await ActiveAuthenticator.perform(
                    over: channel.sender, dg15: key, dg14: dg14,
                    extendedLengthSupported: extendedLengthSupported, challenge: activeAuthenticationChallenge)
            } catch {
                active = .invalid(VerificationReason(.publicKeyUnsupported, .failure, "DG15 does not parse: \(error)"))
            }
        } else {
            active = .notSupported("DG15 was not read (no Active Authentication key)")
        }

        let chip: AuthenticationResult
        if let cam {
            chip = cam
        } else if let chipAuthentication {
            chip = chipAuthentication
        } else if let dg14Failure {
            chip = dg14Failure
        } else if dg14 == nil {
            chip = .notSupported("DG14 was not read (no Chip Authentication key)")
        } else if active.isInterrupted {
            // The channel died with AA (and its secure-messaging state with it): CA cannot run.
            chip = .interrupted("not attempted: the card stopped answering during active authentication")
        } else if let session = channel.session {
            chip = await ChipAuthenticator.perform(over: session, dg14: dg14, selectForProof: shortFileIdentifiersRefused)
        } else {
            chip = .notPerformed("Chip Authentication needs a secure-messaging channel")
        }
        // Chip Authentication attempted (it has a method): record its protocol and key ID.
        if cam == nil, chip.method != nil, chip.chipEvidence == nil {
            return (active, chip.with(chipEvidence: ChipAuthenticationEvidence.chipAuthentication(dg14: dg14)))
        }
        return (active, chip)
    }
}
