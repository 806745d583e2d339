import CCCDCrypto
import CCCDLDS
import CCCDPrimitives
import CCCDTransport

/// Deterministic inputs and terminal-side workloads for timing BAC, PACE and secure messaging
/// without a card. `make…Fixture` prepares the chip's side once (outside the timed region);
/// `run…` performs exactly the terminal's computations of one session and throws if anything
/// fails to verify, so a benchmark cannot silently time a broken path.
package enum ProtocolBenchmarks {
    // MARK: BAC

    package struct BACFixture: Sendable {
        package let key: MRZKeyInput
        package let rndIC: [UInt8]
        package let rndIFD: [UInt8]
        package let kIFD: [UInt8]
        /// E_IC ‖ M_IC as the chip would answer.
        package let chipResponse: [UInt8]
    }

    /// The ICAO 9303-11 App. D worked example.
    package static func makeBACFixture() throws -> BACFixture {
        let key = try MRZKeyInput(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623")
        return BACFixture(
            key: key, rndIC: [UInt8](hex: "4608F91988702212"), rndIFD: [UInt8](hex: "781723860C06C226"),
            kIFD: [UInt8](hex: "0B795240CB7049B01C19B33E32804F0B"),
            chipResponse: [UInt8](hex: "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"))
    }

    /// Terminal side of BAC: key derivation from the MRZ, E_IFD/M_IFD, verification of the chip's
    /// answer, session keys.
    @discardableResult
    package static func runBACTerminal(_ f: BACFixture) throws -> SecureMessagingState {
        let keys = try BACKeys(f.key)
        let challenge = try BACAuthentication.makeChallenge(keys: keys, rndIC: f.rndIC, rndIFD: f.rndIFD, kIFD: f.kIFD)
        return try BACAuthentication.completeAuthentication(keys: keys, challenge: challenge, responseData: f.chipResponse)
    }

    // MARK: PACE

    package struct PACEFixture: Sendable {
        package let configuration: PACEConfiguration
        package let key: AccessKey
        package let encryptedNonce: [UInt8]
        /// Random values the terminal draws (mapping key or t, then ephemeral key).
        package let terminalRandom: [[UInt8]]
        package let chipMappingPublicKey: [UInt8]?
        package let chipEphemeralPublicKey: [UInt8]
        package let chipToken: [UInt8]
    }

    /// A PACE session with CAN "123456" on standardized parameters `parameterID` (13 =
    /// brainpoolP256r1) with the given mapping (generic or integrated) and AES-128.
    package static func makePACEFixture(mapping: PACEAlgorithm.Mapping = .generic, parameterID: Int = 13) throws
        -> PACEFixture
    {
        let isEC = StandardizedDomainParameters(rawValue: parameterID)?.isEC ?? true
        let algorithm = PACEAlgorithm(keyAgreement: isEC ? .ecdh : .dh, mapping: mapping, cipher: .aes128)
        let configuration = try PACEConfiguration(
            info: PACEInfo(protocolOID: algorithm.oid, version: 2, parameterID: parameterID))
        let domain = configuration.domain
        let key = AccessKey.can("123456")
        let kPi = try key.paceKey(cipher: .aes128)
        // Fixed pseudo-random material (benchmarks must be repeatable, not secret).
        func bytes(_ seed: UInt8, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0 &* 7) | 1 } }
        let s = bytes(1, 16)
        let z = try AES.encryptCBC(key: kPi, data: s)
        let chipMappingKey = try domain.privateKey(fromRandom: bytes(2, domain.privateKeyRandomLength))
        let chipEphemeralKey = try domain.privateKey(fromRandom: bytes(3, domain.privateKeyRandomLength))
        let terminalFirst = mapping == .integrated ? bytes(4, 16) : bytes(4, domain.privateKeyRandomLength)
        let terminalEphemeral = bytes(5, domain.privateKeyRandomLength)

        // The chip's side, computed once with the same primitives.
        let generator: PACEGenerator
        var chipMappingPublicKey: [UInt8]?
        if mapping == .integrated {
            generator = try IntegratedMapping.mapGenerator(domain: domain, nonce: s, terminalNonce: terminalFirst, cipher: .aes128)
        } else {
            let terminalMappingKey = try domain.privateKey(fromRandom: terminalFirst)
            let pkMapIC = try domain.publicKey(privateKey: chipMappingKey)
            chipMappingPublicKey = pkMapIC
            generator = try GenericMapping.mapGenerator(
                domain: domain, nonce: s, terminalMappingPrivateKey: terminalMappingKey, chipMappingPublicKey: pkMapIC
            ).generator
        }
        let pkIC = try domain.publicKey(privateKey: chipEphemeralKey, generator: generator)
        let skIFD = try domain.privateKey(fromRandom: terminalEphemeral)
        let pkIFD = try domain.publicKey(privateKey: skIFD, generator: generator)
        let (_, keys) = try PACEKeyAgreement.sessionKeys(
            domain: domain, cipher: .aes128, privateKey: chipEphemeralKey, terminalPublicKey: pkIC, chipPublicKey: pkIFD)
        let chipToken = try AuthenticationToken.compute(algorithm: algorithm, macKey: keys.macKey, publicKey: pkIFD)
        return PACEFixture(
            configuration: configuration, key: key, encryptedNonce: z, terminalRandom: [terminalFirst, terminalEphemeral],
            chipMappingPublicKey: chipMappingPublicKey, chipEphemeralPublicKey: pkIC, chipToken: chipToken)
    }

    /// Terminal side of PACE: K_π, nonce decryption, mapping, ephemeral key agreement, session
    /// keys, both authentication tokens (the chip's is verified).
    @discardableResult
    package static func runPACETerminal(_ f: PACEFixture) throws -> SecureMessagingState {
        let algorithm = f.configuration.algorithm
        let domain = f.configuration.domain
        let kPi = try f.key.paceKey(cipher: algorithm.cipher)
        let s = try PACENonce.decrypt(encryptedNonce: f.encryptedNonce, passwordKey: kPi, cipher: algorithm.cipher)
        let generator: PACEGenerator
        if algorithm.mapping == .integrated {
            generator = try IntegratedMapping.mapGenerator(
                domain: domain, nonce: s, terminalNonce: f.terminalRandom[0], cipher: algorithm.cipher)
        } else {
            let skMap = try domain.privateKey(fromRandom: f.terminalRandom[0])
            _ = try domain.publicKey(privateKey: skMap)
            generator = try GenericMapping.mapGenerator(
                domain: domain, nonce: s, terminalMappingPrivateKey: skMap, chipMappingPublicKey: f.chipMappingPublicKey ?? []
            ).generator
        }
        let skEph = try domain.privateKey(fromRandom: f.terminalRandom[1])
        let pkEph = try PACEKeyAgreement.ephemeralPublicKey(domain: domain, generator: generator, privateKey: skEph)
        let (_, keys) = try PACEKeyAgreement.sessionKeys(
            domain: domain, cipher: algorithm.cipher, privateKey: skEph, terminalPublicKey: pkEph,
            chipPublicKey: f.chipEphemeralPublicKey)
        _ = try AuthenticationToken.compute(algorithm: algorithm, macKey: keys.macKey, publicKey: f.chipEphemeralPublicKey)
        try AuthenticationToken.verify(f.chipToken, algorithm: algorithm, macKey: keys.macKey, terminalPublicKey: pkEph)
        return SecureMessagingState(keys: keys)
    }

    // MARK: Secure messaging

    package struct SecureMessagingFixture: Sendable {
        package let state: SecureMessagingState
        package let command: CommandAPDU
        /// The chip's protected answer to `command` (built from raw cipher/MAC calls).
        package let protectedResponse: ResponseAPDU
        package let payload: [UInt8]
    }

    /// A READ BINARY of `responseLength` bytes under AES-128 (or 3DES) secure messaging.
    package static func makeSecureMessagingFixture(responseLength: Int = 4096, cipher: SecureMessagingCipher = .aes128)
        throws -> SecureMessagingFixture
    {
        let keys = SecureMessagingKeys(
            cipher: cipher, encryptionKey: (0..<cipher.keyLength).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 3) },
            macKey: (0..<cipher.keyLength).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ 5) })
        let state = SecureMessagingState(keys: keys)
        let command = try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: min(max(responseLength, 1), 65_536))
        let payload = (0..<responseLength).map { UInt8(truncatingIfNeeded: $0) }
        // Chip side: SSC + 2 (one command, then this response).
        let ssc = state.ssc.incremented().incremented().bytes
        let iv = cipher == .tripleDES ? [UInt8](repeating: 0, count: 8) : try cipher.encryptECB(key: keys.encryptionKey, data: ssc)
        let cryptogram = try cipher.encrypt(
            key: keys.encryptionKey, iv: iv, data: ISO9797Padding.pad(payload, blockSize: cipher.blockSize))
        let do87 = BERTLV.encode(tag: 0x87, value: [0x01] + cryptogram)
        let do99: [UInt8] = [0x99, 0x02, 0x90, 0x00]
        let mac = try cipher.mac(key: keys.macKey, paddedData: ISO9797Padding.pad(ssc + do87 + do99, blockSize: cipher.blockSize))
        let response = ResponseAPDU(data: do87 + do99 + [0x8E, 0x08] + mac, status: .success)
        return SecureMessagingFixture(state: state, command: command, protectedResponse: response, payload: payload)
    }

    /// Protects the command and unprotects the chip's answer (one SM round trip).
    @discardableResult
    package static func runSecureMessagingRoundTrip(_ f: SecureMessagingFixture) throws -> ResponseAPDU {
        var state = f.state
        _ = try state.protect(f.command)
        return try state.unprotect(f.protectedResponse)
    }
}
