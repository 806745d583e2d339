import CCCDCrypto
import CCCDTransport

extension ChipController {
    /// GET CHALLENGE `00 84 00 00 08`: RND.IC for BAC.
    func getChallenge(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        guard command.p1 == 0, command.p2 == 0 else { return card.status(.incorrectP1P2) }
        guard command.ne == 8 else { return card.status(.wrongLength) }
        guard let challenge = try? random.randomBytes(8) else { return card.status(.noPreciseDiagnosis) }
        withState { $0.bacChallenge = challenge }
        return ResponseAPDU(data: challenge, status: .success)
    }

    /// EXTERNAL AUTHENTICATE `00 82 00 00 28 …`: BAC mutual authentication. A wrong MRZ key gives
    /// `63 00`; the challenge is used up either way.
    func externalAuthenticate(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        let challenge = withState { state -> [UInt8]? in
            defer { state.bacChallenge = nil }
            return state.bacChallenge
        }
        guard let rndIC = challenge, let mrz = configuration.mrz else { return card.status(.conditionsNotSatisfied) }
        do {
            let keys = try BACChipSteps.documentKeys(mrz)
            let kIC = try chipCrypto { () throws(CryptoError) in try random.randomBytes(16) }
            let (answer, session) = try BACChipSteps.authenticate(commandData: command.data, keys: keys, rndIC: rndIC, kIC: kIC)
            establish(session, card: card)
            return ResponseAPDU(data: answer, status: .success)
        } catch {
            return card.status(error.statusWord)
        }
    }
}
