import CCCDCrypto
import CCCDTransport

extension ChipController {
    /// MSE:Set AT for PACE (`00 22 C1 A4`): selects the algorithm, parameters and password and
    /// starts a new PACE run.
    func manageSecurityEnvironment(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        if command.p1 == 0x41 { return chipAuthenticationSecurityEnvironment(command, card: card) }
        guard command.p1 == 0xC1, command.p2 == 0xA4, !configuration.pace.isEmpty else { return card.status(.incorrectP1P2) }
        withState { $0.pace = nil }
        do {
            let (offer, reference) = try MSESetATParsing.select(command.data, offers: configuration.pace)
            let domain = try ChipDomain.standardized(offer.parameterID)
            let passwordKey = try PACEPassword.key(
                PACEPassword.encoding(reference: reference, configuration: configuration), cipher: offer.cipher)
            withState { $0.pace = PACEChipRun(offer: offer, domain: domain, passwordKey: passwordKey) }
            return card.status(.success)
        } catch {
            return card.status(error.statusWord)
        }
    }

    /// GENERAL AUTHENTICATE (`x0 86 00 00 7C …`): the four PACE steps, the first three chained
    /// (CLA b5 set). Any failure ends the run; a wrong terminal token is `63 00` (wrong password).
    func generalAuthenticate(_ command: CommandAPDU, card: VirtualCard) -> ResponseAPDU {
        guard command.p1 == 0, command.p2 == 0 else { return card.status(.incorrectP1P2) }
        if withState({ $0.chipAuthentication }) != nil { return chipAuthenticationGeneralAuthenticate(command, card: card) }
        guard let run = withState({ $0.pace }) else { return card.status(.conditionsNotSatisfied) }
        do {
            let objects = try Self.dynamicAuthenticationData(command.data)
            let chained = command.cla & 0x10 != 0
            let (next, answer, session) = try paceStep(run, objects: objects, chained: chained)
            withState { $0.pace = next }
            if let session { establish(session, card: card) }
            return ResponseAPDU(data: ChipTLV.encode(0x7C, answer), status: .success)
        } catch {
            withState { $0.pace = nil }
            return card.status(error.statusWord)
        }
    }

    /// One step: the run before, the terminal's objects → the run after (nil when done), the
    /// objects of the answer and, after the last step, the new session.
    private func paceStep(_ run: PACEChipRun, objects: [UInt32: [UInt8]], chained: Bool) throws(ChipError)
        -> (PACEChipRun?, [UInt8], ChipSecureMessagingSession?)
    {
        var run = run
        let offer = run.offer
        let domain = run.domain
        let lastStep: Bool
        if case .mutualAuthentication = run.step { lastStep = true } else { lastStep = false }
        guard chained != lastStep else { throw .conditionsNotSatisfied("command chaining does not fit the step") }

        switch run.step {
        case .encryptedNonce:
            guard objects.isEmpty else { throw .incorrectData("step 1 carries no data") }
            let s = try chipCrypto { () throws(CryptoError) in try random.randomBytes(PACENonceStep.nonceLength(offer.cipher)) }
            let z = try PACENonceStep.encrypt(nonce: s, passwordKey: run.passwordKey, cipher: offer.cipher)
            run.step = .mapping(nonce: s)
            return (run, ChipTLV.encode(0x80, z), nil)

        case .mapping(let s):
            guard let terminalData = objects[0x81] else { throw .incorrectData("81 missing") }
            switch offer.mapping {
            case .generic, .chipAuthentication:
                let skMap = try chipCrypto { () throws(CryptoError) in try domain.randomPrivateKey(random) }
                let pkMap = try chipCrypto { () throws(CryptoError) in try domain.publicKey(skMap, generator: domain.generator) }
                let generator = try GenericMappingStep.mappedGenerator(
                    domain: domain, nonce: s, chipMappingKey: skMap, terminalMappingKey: terminalData)
                run.step = .keyAgreement(generator: generator, mappingPrivateKey: skMap)
                return (run, ChipTLV.encode(0x82, pkMap), nil)
            case .integrated:
                let generator = try IntegratedMappingStep.mappedGenerator(
                    domain: domain, cipher: offer.cipher, nonce: s, terminalNonce: terminalData)
                run.step = .keyAgreement(generator: generator, mappingPrivateKey: nil)
                return (run, [], nil)
            }

        case .keyAgreement(let generator, let skMap):
            guard let pkIFD = objects[0x83] else { throw .incorrectData("83 missing") }
            let sk = try chipCrypto { () throws(CryptoError) in try domain.randomPrivateKey(random) }
            let pkIC = try chipCrypto { () throws(CryptoError) in try domain.publicKey(sk, generator: generator) }
            let keys = try KeyAgreementStep.agree(
                domain: domain, cipher: offer.cipher, chipPrivateKey: sk, chipPublicKey: pkIC, terminalPublicKey: pkIFD)
            run.step = .mutualAuthentication(keys: keys, chipPublicKey: pkIC, terminalPublicKey: pkIFD, mappingPrivateKey: skMap)
            return (run, ChipTLV.encode(0x84, pkIC), nil)

        case .mutualAuthentication(let keys, let pkIC, let pkIFD, let skMap):
            guard let tIFD = objects[0x85] else { throw .incorrectData("85 missing") }
            try AuthenticationTokenStep.verifyTerminalToken(tIFD, offer: offer, macKey: keys.mac, chipPublicKey: pkIC)
            var answer = ChipTLV.encode(0x86, try AuthenticationTokenStep.token(offer: offer, macKey: keys.mac, publicKey: pkIFD))
            if offer.mapping == .chipAuthentication {
                guard case .ec(let group) = domain, let skMap, let caKey = chipAuthenticationKey else {
                    throw .configuration("CAM without an EC chip authentication key")
                }
                let ca = try ChipAuthenticationMappingStep.chipAuthenticationData(
                    group: group, mappingPrivateKey: skMap, staticPrivateKey: caKey.privateKeyBytes)
                answer += ChipTLV.encode(0x8A, try ChipAuthenticationMappingStep.encrypt(ca, keys: keys))
            }
            return (nil, answer, ChipSecureMessagingSession(keys: keys))
        }
    }

    /// `7C { tag value … }` → objects by tag (one each).
    static func dynamicAuthenticationData(_ data: [UInt8]) throws(ChipError) -> [UInt32: [UInt8]] {
        guard let outer = try? ChipTLV.parse(data), outer.count == 1, outer[0].tag == 0x7C,
              let inner = try? ChipTLV.parse(outer[0].value)
        else { throw .incorrectData("dynamic authentication data") }
        var objects: [UInt32: [UInt8]] = [:]
        for object in inner {
            guard objects[object.tag] == nil else { throw .incorrectData("duplicate object") }
            objects[object.tag] = object.value
        }
        return objects
    }
}
