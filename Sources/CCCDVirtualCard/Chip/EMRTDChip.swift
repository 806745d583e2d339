import CCCDCrypto
import CCCDPrimitives
import CCCDTransport
import Foundation

/// An eMRTD chip on a `VirtualCard`: BAC, PACE (GM, IM, CAM; ECDH and DH), secure messaging,
/// access control, Chip Authentication and Active Authentication, as described by a
/// `ChipConfiguration` (a `clone` configuration uses fresh keys that do not match DG14/DG15).
///
/// The chip checks everything with its own code on CCCDCrypto primitives, never with the reader's
/// protocol code, so a bug on one side cannot cancel out on the other. That duplication is on purpose
/// (an independent implementation makes the better test): only primitives (CCCDPrimitives, CCCDCrypto's
/// OpenSSL wrappers) are shared. Files marked
/// `.afterAccessControl` answer `69 82` until BAC or PACE succeeded and are then served only under
/// secure messaging; any SM error or plain command drops the session (ICAO 9303-11 §9.8.6).
public final class EMRTDChip: Sendable {
    /// The card the chip runs on (give it to `VirtualCardTransport` or `VPCDConnection`).
    public let card: VirtualCard
    public let configuration: ChipConfiguration
    private let controller: ChipController

    /// Builds the card: the file system gets an EF.CardAccess generated from the configuration (or
    /// none, when no PACE is offered), the profile comes from the configuration.
    public init(configuration: ChipConfiguration, fileSystem: CardFileSystem,
                random: any ChipRandomSource = SystemChipRandom()) throws(ChipError)
    {
        try configuration.validate()
        var fs = fileSystem
        fs.masterFile.files.removeAll { $0.fid == CardFileSystem.cardAccessFID }
        if let cardAccess = try configuration.cardAccessContents() {
            fs.masterFile.files.append(
                ElementaryFile(fid: CardFileSystem.cardAccessFID, sfi: 0x1C, contents: cardAccess, access: .always))
        }
        self.configuration = configuration
        self.card = VirtualCard(profile: configuration.profile, fileSystem: fs)
        self.controller = try ChipController(configuration: configuration, random: random)
        controller.install(on: card)
    }

    /// True while a secure-messaging session is open.
    public var isSecureMessagingActive: Bool { controller.isSecureMessagingActive }
}

/// The chip's protocol state and command handlers. The card holds it through its handlers (it
/// never references the card, so there is no cycle); everything runs under the card's lock, the
/// own lock only guards reads from other threads.
final class ChipController: @unchecked Sendable {
    let configuration: ChipConfiguration
    let random: any ChipRandomSource
    /// The key the chip really uses for CA and PACE-CAM: the configured one, or a fresh one on a clone.
    let chipAuthenticationKey: ChipAuthenticationKey?
    /// The key the chip really signs with for AA: the configured one, or a fresh one on a clone.
    let activeAuthenticationKey: ActiveAuthenticationKey?
    private let storage = LockedBox(ChipState())

    struct ChipState {
        var session: ChipSecureMessagingSession?
        /// Increases with every new session, so the filter can tell whether a handler replaced it.
        var sessionGeneration = 0
        var bacChallenge: [UInt8]?
        var pace: PACEChipRun?
        /// The cipher selected by MSE:Set AT for Chip Authentication, until GENERAL AUTHENTICATE.
        var chipAuthentication: ChipCipher?
    }

    init(configuration: ChipConfiguration, random: any ChipRandomSource) throws(ChipError) {
        self.configuration = configuration
        self.random = random
        var caKey = configuration.chipAuthenticationKey
        var aaKey = try configuration.activeAuthenticationKeyPEM.map { pem throws(ChipError) in try ActiveAuthenticationKey(pem: pem) }
        if configuration.clone {
            caKey = try caKey.map { key throws(ChipError) in try ChipAuthenticationKey.generate(parameterID: key.parameterID) }
            aaKey = try aaKey?.freshKeyOfSameKind()
        }
        self.chipAuthenticationKey = caKey
        self.activeAuthenticationKey = aaKey
    }

    var isSecureMessagingActive: Bool { storage.withLock { $0.session != nil } }

    func withState<T>(_ body: (inout ChipState) -> T) -> T {
        storage.withLock(body)
    }

    func install(on card: VirtualCard) {
        card.addResetHook { self.withState { $0 = ChipState() } }
        card.installCommandFilter { command, card, dispatch in
            self.secureMessagingFilter(command, card: card, dispatch: dispatch)
        }
        if configuration.offersBAC {
            card.register(instruction: 0x84) { command, card in self.getChallenge(command, card: card) }
            card.register(instruction: 0x82) { command, card in self.externalAuthenticate(command, card: card) }
        }
        if !configuration.pace.isEmpty || chipAuthenticationKey != nil {
            card.register(instruction: 0x22) { command, card in self.manageSecurityEnvironment(command, card: card) }
            card.register(instruction: 0x86) { command, card in self.generalAuthenticate(command, card: card) }
        }
        if activeAuthenticationKey != nil {
            card.register(instruction: 0x88) { command, card in self.internalAuthenticate(command, card: card) }
        }
    }

    /// Opens a new secure-messaging session and grants access (BAC / PACE succeeded).
    func establish(_ session: ChipSecureMessagingSession, card: VirtualCard) {
        withState {
            $0.session = session
            $0.sessionGeneration += 1
        }
        card.setAccessGranted(true)
    }

    /// Drops the session and the access rights it carried.
    func dropSession(card: VirtualCard) {
        withState {
            $0.session = nil
            $0.sessionGeneration += 1
            $0.chipAuthentication = nil
        }
        card.setAccessGranted(false)
    }
}
