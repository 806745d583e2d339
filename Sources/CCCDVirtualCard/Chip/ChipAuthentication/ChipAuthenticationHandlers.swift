import CCCDCrypto
import CCCDTransport

extension ChipController {
    /// MSE for Chip Authentication, under secure messaging only:
    /// - `00 22 41 A6 { 91 PK_IFD [84 keyID] }` (MSE:Set KAT, 3DES): keys agreed at once;
    /// - `00 22 41 A4 { 80 OID [84 keyID] }` (MSE:Set AT, AES): selects the protocol for the
    ///   GENERAL AUTHENTICATE that follows.
    /// The answer still goes out under the old keys; the new session (SSC 0) starts after it.
    func chipAuthenticationSecurityEnvironment(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        withState { $0.chipAuthentication = nil }
        guard withState({ $0.session != nil }), let key = chipAuthenticationKey else {
            return card.status(.conditionsNotSatisfied)
        }
        do throws(ChipError) {
            let objects = try Self.objects(command.data)
            switch command.p2 {
            case 0xA6:
                guard let terminalKey = objects[0x91] else { throw ChipError.incorrectData("91 missing") }
                let keys = try ChipAuthenticationStep.sessionKeys(key: key, terminalPublicKey: terminalKey, cipher: .tripleDES)
                establish(ChipSecureMessagingSession(keys: keys), card: card)
                return card.status(.success)
            case 0xA4:
                guard let oid = objects[0x80] else { throw ChipError.incorrectData("80 missing") }
                let cipher = try ChipAuthenticationStep.cipher(oidContent: oid)
                withState { $0.chipAuthentication = cipher }
                return card.status(.success)
            default:
                return card.status(.incorrectP1P2)
            }
        } catch {
            return card.status(error.statusWord)
        }
    }

    /// GENERAL AUTHENTICATE `00 86 00 00 { 7C { 80 PK_IFD } }` after MSE:Set AT: answers `7C 00`
    /// under the old keys, then switches to the new ones.
    func chipAuthenticationGeneralAuthenticate(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        let selected = withState { state -> ChipCipher? in
            defer { state.chipAuthentication = nil }
            return state.chipAuthentication
        }
        guard let cipher = selected, let key = chipAuthenticationKey, withState({ $0.session != nil }) else {
            return card.status(.conditionsNotSatisfied)
        }
        do throws(ChipError) {
            let objects = try Self.dynamicAuthenticationData(command.data)
            guard let terminalKey = objects[0x80] else { throw ChipError.incorrectData("80 missing") }
            let keys = try ChipAuthenticationStep.sessionKeys(key: key, terminalPublicKey: terminalKey, cipher: cipher)
            establish(ChipSecureMessagingSession(keys: keys), card: card)
            return ResponseAPDU(data: ChipTLV.encode(0x7C, []), status: .success)
        } catch {
            return card.status(error.statusWord)
        }
    }

    /// The data objects of an MSE command by tag (one each).
    private static func objects(_ data: [UInt8]) throws(ChipError) -> [UInt32: [UInt8]] {
        guard let list = try? ChipTLV.parse(data) else { throw .incorrectData("MSE data") }
        var objects: [UInt32: [UInt8]] = [:]
        for object in list {
            guard objects[object.tag] == nil else { throw .incorrectData("duplicate object") }
            objects[object.tag] = object.value
        }
        return objects
    }
}
