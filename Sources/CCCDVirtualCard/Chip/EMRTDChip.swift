import CCCDCrypto
import CCCDTransport
import Foundation

/// An eMRTD chip on a `VirtualCard`: BAC, PACE (GM, IM, CAM; ECDH and DH), secure messaging and
/// access control, as described by a `ChipConfiguration`.
///
/// The chip checks everything with its own code on CCCDCrypto primitives, never with the reader's
/// protocol code, so a bug on one side cannot cancel out on the other. Files marked
/// `.afterAccessControl` answer `69 82` until BAC or PACE succeeded and are then served only under
/// secure messaging; any SM error or plain command drops the session (ICAO 9303-11 §9.8.6).
public final class EMRTDChip: @unchecked Sendable {
    /// The card the chip runs on (give it to `VirtualCardTransport` or `VPCDConnection`).
    public let card: VirtualCard
    public let configuration: ChipConfiguration
    let random: any ChipRandomSource

    /// Session state; all handlers run under the card's lock, this lock only guards the reads
    /// from other threads (`isSecureMessagingActive`).
    private let lock = NSLock()
    private var storage = ChipState()

    struct ChipState {
        var session: ChipSecureMessagingSession?
        /// Increases with every new session, so the filter can tell whether a handler replaced it.
        var sessionGeneration = 0
        var bacChallenge: [UInt8]?
        var pace: PACEChipRun?
    }

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
        self.random = random
        self.card = VirtualCard(profile: configuration.profile, fileSystem: fs)
        installHandlers()
    }

    /// True while a secure-messaging session is open.
    public var isSecureMessagingActive: Bool { lock.withLock { storage.session != nil } }

    func withState<T>(_ body: (inout ChipState) -> T) -> T {
        lock.withLock { body(&storage) }
    }

    private func installHandlers() {
        card.addResetHook { [weak self] in self?.withState { $0 = ChipState() } }
        card.installCommandFilter { [weak self] command, card, dispatch in
            guard let self else { return dispatch(command) }
            return self.secureMessagingFilter(command, card: card, dispatch: dispatch)
        }
        if configuration.offersBAC {
            card.register(instruction: 0x84) { [weak self] command, card in
                self?.getChallenge(command, card: card) ?? card.status(.instructionNotSupported)
            }
            card.register(instruction: 0x82) { [weak self] command, card in
                self?.externalAuthenticate(command, card: card) ?? card.status(.instructionNotSupported)
            }
        }
        if !configuration.pace.isEmpty {
            card.register(instruction: 0x22) { [weak self] command, card in
                self?.manageSecurityEnvironment(command, card: card) ?? card.status(.instructionNotSupported)
            }
            card.register(instruction: 0x86) { [weak self] command, card in
                self?.generalAuthenticate(command, card: card) ?? card.status(.instructionNotSupported)
            }
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
        }
        card.setAccessGranted(false)
    }
}
