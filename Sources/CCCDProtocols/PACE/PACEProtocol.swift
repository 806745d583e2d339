import CCCDCrypto
import CCCDTransport

/// Runs PACE against a card: MSE:Set AT and the chained GENERAL AUTHENTICATE steps, each crypto
/// step delegated to the pure functions of this folder.
package enum PACEProtocol {
    /// Randomness is drawn from `random` in this order: for GM/CAM the mapping private key
    /// (`domain.privateKeyRandomLength` bytes), for IM the nonce t (`cipher.keyLength` bytes); then
    /// the ephemeral private key (`domain.privateKeyRandomLength` bytes).
    package static func perform(channel: APDUChannel, key: AccessKey, configuration: PACEConfiguration,
                               random: any RandomSource) async throws -> PACEResult
    {
        let algorithm = configuration.algorithm
        let domain = configuration.domain
        let cipher = algorithm.cipher
        let kPi = try key.paceKey(cipher: cipher)

        let mse = PACECommands.mseSetAT(
            algorithm: algorithm, passwordReference: key.passwordReference, parameterID: configuration.parameterIDForMSE)
        let mseResponse = try await channel.send(mse)
        try AccessControlError.check(mseResponse.status, step: "MSE:Set AT")

        // 1. Encrypted nonce.
        let step1 = try await exchange(channel, [], isLast: false, step: "GENERAL AUTHENTICATE (encrypted nonce)")
        guard let z = step1[0x80] else {
            throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (encrypted nonce)", reason: "no 80")
        }
        let s = try PACENonce.decrypt(encryptedNonce: z, passwordKey: kPi, cipher: cipher)

        // 2. Mapping.
        let generator: PACEGenerator
        var chipMappingPublicKey: [UInt8]?
        switch algorithm.mapping {
        case .generic, .chipAuthentication:
            let skMap = try crypto { () throws(CryptoError) in
                try domain.privateKey(fromRandom: try randomBytes(random, domain.privateKeyRandomLength))
            }
            let pkMap = try crypto { () throws(CryptoError) in try domain.publicKey(privateKey: skMap) }
            let step2 = try await exchange(channel, [(0x81, pkMap)], isLast: false, step: "GENERAL AUTHENTICATE (mapping)")
            guard let pkMapIC = step2[0x82] else {
                throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (mapping)", reason: "no 82")
            }
            guard pkMapIC != pkMap else { throw AccessControlError.authenticationFailed(step: "PACE mapping") }
            chipMappingPublicKey = pkMapIC
            generator = try GenericMapping.mapGenerator(
                domain: domain, nonce: s, terminalMappingPrivateKey: skMap, chipMappingPublicKey: pkMapIC
            ).generator
        case .integrated:
            let t = try randomBytesTyped(random, IntegratedMapping.nonceLength(cipher: cipher))
            let step2 = try await exchange(channel, [(0x81, t)], isLast: false, step: "GENERAL AUTHENTICATE (mapping)")
            if let unexpected = step2[0x82], !unexpected.isEmpty {
                throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (mapping)", reason: "82 must be empty")
            }
            generator = try IntegratedMapping.mapGenerator(domain: domain, nonce: s, terminalNonce: t, cipher: cipher)
        }

        // 3. Key agreement.
        let skEph = try crypto { () throws(CryptoError) in
            try domain.privateKey(fromRandom: try randomBytes(random, domain.privateKeyRandomLength))
        }
        let pkEph = try PACEKeyAgreement.ephemeralPublicKey(domain: domain, generator: generator, privateKey: skEph)
        let step3 = try await exchange(channel, [(0x83, pkEph)], isLast: false, step: "GENERAL AUTHENTICATE (key agreement)")
        guard let pkEphIC = step3[0x84] else {
            throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (key agreement)", reason: "no 84")
        }
        let (_, keys) = try PACEKeyAgreement.sessionKeys(
            domain: domain, cipher: cipher, privateKey: skEph, terminalPublicKey: pkEph, chipPublicKey: pkEphIC)

        // 4. Mutual authentication.
        let tIFD = try AuthenticationToken.compute(algorithm: algorithm, macKey: keys.macKey, publicKey: pkEphIC)
        let step4 = try await exchange(channel, [(0x85, tIFD)], isLast: true, step: "GENERAL AUTHENTICATE (mutual authentication)")
        guard let tIC = step4[0x86] else {
            throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (mutual authentication)", reason: "no 86")
        }
        try AuthenticationToken.verify(tIC, algorithm: algorithm, macKey: keys.macKey, terminalPublicKey: pkEph)

        var caData: [UInt8]?
        if algorithm.mapping == .chipAuthentication {
            guard let encrypted = step4[0x8A] else {
                throw AccessControlError.malformedResponse(step: "GENERAL AUTHENTICATE (mutual authentication)", reason: "no 8A")
            }
            caData = try ChipAuthenticationMapping.decryptChipAuthenticationData(encrypted, keys: keys)
        }
        let cars = [step4[0x87], step4[0x88]].compactMap { $0 }
        return PACEResult(
            algorithm: algorithm, parameterID: configuration.parameterIDForMSE, passwordReference: key.passwordReference,
            secureMessaging: SecureMessagingState(keys: keys), chipEphemeralPublicKey: pkEphIC,
            terminalEphemeralPublicKey: pkEph, chipMappingPublicKey: chipMappingPublicKey,
            certificationAuthorityReferences: cars, chipAuthenticationData: caData)
    }

    private static func exchange(_ channel: APDUChannel, _ objects: [(tag: UInt8, value: [UInt8])], isLast: Bool,
                                 step: String) async throws -> [UInt8: [UInt8]]
    {
        let response = try await channel.send(PACECommands.generalAuthenticate(objects, isLast: isLast))
        try AccessControlError.check(response.status, step: step)
        return try PACECommands.parseDynamicAuthenticationData(response.data, step: step)
    }

    /// Random bytes; a failing source surfaces as `CryptoError.randomGenerationFailed`.
    private static func randomBytes(_ random: any RandomSource, _ count: Int) throws(CryptoError) -> [UInt8] {
        do { return try random.randomBytes(count) } catch { throw .randomGenerationFailed }
    }

    private static func randomBytesTyped(_ random: any RandomSource, _ count: Int) throws(AccessControlError) -> [UInt8] {
        try crypto { () throws(CryptoError) in try randomBytes(random, count) }
    }
}
