import CCCDTransport

extension ChipController {
    /// INTERNAL AUTHENTICATE `00 88 00 00 08 challenge Le` (ICAO 9303-11 §6.1): signs the
    /// 8-byte challenge with the Active Authentication key, only under secure messaging.
    func internalAuthenticate(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        guard command.p1 == 0, command.p2 == 0 else { return card.status(.incorrectP1P2) }
        guard withState({ $0.session != nil }), let key = activeAuthenticationKey else {
            return card.status(.conditionsNotSatisfied)
        }
        guard command.data.count == 8 else { return card.status(.wrongLength) }
        do {
            let signature = try key.sign(challenge: command.data, random: random)
            if let ne = command.ne, ne < signature.count { return card.status(.wrongLength) }
            return ResponseAPDU(data: signature, status: .success)
        } catch {
            return card.status(error.statusWord)
        }
    }
}
