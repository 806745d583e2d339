import CCCDPrimitives
import CCCDTransport
import Foundation

/// An ISO/IEC 7816-4 smart card simulated in software: the chip side of every test and of
/// `cccd sim`. It answers SELECT, READ BINARY (plain, by SFI, odd INS `B1`, extended Le) and
/// GET RESPONSE over a file system, with the length limits of its `CardProfile`.
///
/// It runs in-process (`VirtualCardTransport`) or behind pcscd through the vpcd virtual reader
/// (`VPCDConnection`). Later layers (secure messaging, BAC, PACE, CA, AA) install command handlers
/// with `register(instruction:_:)`; the card's own checks never call the reader-side code.
public final class VirtualCard: @unchecked Sendable {
    public let profile: CardProfile
    /// Serialises commands and configuration; guards the state below by convention rather than by
    /// boxing it, because handlers and filters reach it through the card's methods while the lock is held.
    private let lock = LockedBox(())
    private var fileSystem: CardFileSystem
    private var currentDF: DirectoryRef = .master
    private var currentEF: UInt16?
    private var pendingResponse: [UInt8] = []
    private var powered = false
    private var handlers: [UInt8: Handler] = [:]
    private var commandFilter: CommandFilter?
    private var resetHooks: [@Sendable () -> Void] = []
    /// True once BAC or PACE succeeded in this power cycle; files marked `.afterAccessControl`
    /// are readable only then.
    private var accessGranted = false
    private var commandCounter = 0
    /// Fault injection (`card.json` `faults`); nil = a well-behaved card.
    private var faultInjector: FaultInjector?
    /// The fault actions hitting the command being processed (empty outside `exchange`).
    private(set) var injectedFaults: [FaultAction] = []
    /// True after a fault removed the card, until it is powered on again (re-inserted).
    private var absent = false

    /// A command handler for one instruction byte: gets the decoded command and the card, returns the
    /// response. Runs under the card's lock; it must not call `process` re-entrantly.
    public typealias Handler = @Sendable (CommandAPDU, VirtualCard) -> ResponseAPDU

    /// Sits between the APDU decoder and the command dispatch (secure messaging): gets every
    /// command except GET RESPONSE and a `dispatch` function that runs the handlers / built-in
    /// commands on a (possibly unwrapped) command. Runs under the card's lock.
    public typealias CommandFilter = @Sendable (
        _ command: CommandAPDU, _ card: VirtualCard, _ dispatch: (CommandAPDU) -> ResponseAPDU
    ) -> ResponseAPDU

    public init(profile: CardProfile = .extended, fileSystem: CardFileSystem) {
        self.profile = profile
        var fs = fileSystem
        if profile.atrInfo && fs.masterFile.file(fid: CardFileSystem.atrInfoFID) == nil {
            fs.masterFile.files.append(
                ElementaryFile(fid: CardFileSystem.atrInfoFID, sfi: 0x01, contents: profile.atrInfoContents, access: .always))
        }
        self.fileSystem = fs
    }

    public var atr: [UInt8] { profile.atr }

    /// Number of command APDUs received since creation or the last `installFaults` (for tests,
    /// benchmarks and fault triggers).
    public var commandCount: Int { lock.withLock { _ in commandCounter } }

    public func powerOn() { lock.withLock { _ in resetStateLocked(); powered = true; absent = false } }
    public func powerOff() { lock.withLock { _ in resetStateLocked(); powered = false } }
    public func reset() { lock.withLock { _ in resetStateLocked(); powered = true; absent = false } }

    /// Installs the faults the card injects from now on (replacing earlier ones; empty = none).
    /// Counters (APDU index, occurrences, reads) start at this point.
    public func installFaults(_ faults: [CardFault]) {
        lock.withLock { _ in
            faultInjector = faults.isEmpty ? nil : FaultInjector(faults: faults)
            commandCounter = 0
        }
    }

    /// The installed faults.
    public var faults: [CardFault] { lock.withLock { _ in faultInjector?.faults ?? [] } }

    private func resetStateLocked() {
        currentDF = .master
        currentEF = nil
        pendingResponse = []
        accessGranted = false
        for hook in resetHooks { hook() }
    }

    /// Installs (or replaces) the handler for an instruction byte.
    public func register(instruction: UInt8, _ handler: @escaping Handler) {
        lock.withLock { _ in handlers[instruction] = handler }
    }

    /// Installs (or removes) the command filter.
    public func installCommandFilter(_ filter: CommandFilter?) {
        lock.withLock { _ in commandFilter = filter }
    }

    /// Adds a function that runs on every power-on, power-off and reset (under the card's lock):
    /// chip sessions (secure messaging, BAC/PACE state) do not survive a power cycle.
    public func addResetHook(_ hook: @escaping @Sendable () -> Void) {
        lock.withLock { _ in resetHooks.append(hook) }
    }

    /// Marks access control as done (called by BAC/PACE handlers) or lost. Only from handlers or
    /// filters (under the card's lock).
    public func setAccessGranted(_ granted: Bool) { accessGranted = granted }

    /// Whether BAC or PACE succeeded and the secure channel still stands. Only from handlers or
    /// filters (under the card's lock).
    public var isAccessGranted: Bool { accessGranted }

    /// Processes one command APDU and returns the response APDU bytes; empty when an injected
    /// fault removed the card (delays are not applied: use ``exchange(_:)``).
    public func process(_ bytes: [UInt8]) -> [UInt8] {
        switch exchange(bytes) {
        case .response(let response, _): return response
        case .removed: return []
        }
    }

    /// Processes one command APDU with fault injection: the response (and how long the card stays
    /// silent before sending it), or the card's removal.
    public func exchange(_ bytes: [UInt8]) -> CardAnswer {
        lock.withLock { _ in
            if absent { return .removed(reinsertAfter: .zero) }
            commandCounter += 1
            if !powered { resetStateLocked(); powered = true }
            guard var injector = faultInjector else { return .response(processLocked(bytes).bytes, delay: nil) }
            let event = CommandEvent.classify(
                bytes, index: commandCounter, fileBySFI: { currentDirectory.file(sfi: $0)?.fid }, currentFile: currentEF)
            let actions = injector.decide(event)
            faultInjector = injector
            for case .remove(let after) in actions {
                resetStateLocked()
                powered = false
                absent = true
                return .removed(reinsertAfter: after)
            }
            injectedFaults = actions
            defer { injectedFaults = [] }
            let response = actions.isEmpty ? processLocked(bytes) : FaultStages.outer(processLocked(bytes), actions: actions)
            var delay: Duration?
            for case .delay(let d) in actions { delay = d }
            return .response(response.bytes, delay: delay)
        }
    }

    private func processLocked(_ bytes: [UInt8]) -> ResponseAPDU {
        // The emulated reader in front of the card refuses what it cannot carry, before the card.
        if !profile.readerExtendedLength && isExtendedEncoding(bytes) { return status(.wrongLength) }
        if let max = profile.readerMaxCommandLength, bytes.count > max { return status(.wrongLength) }
        let response = processOnCard(bytes)
        if let max = profile.readerMaxResponseLength, response.data.count + 2 > max { return status(.wrongLength) }
        return response
    }

    private func processOnCard(_ bytes: [UInt8]) -> ResponseAPDU {
        let command: CommandAPDU
        do {
            command = try CommandAPDU(bytes: bytes)
        } catch {
            return status(.wrongLength)
        }
        if isExtendedEncoding(bytes) && !profile.extendedLength { return status(.wrongLength) }
        if command.data.count > profile.maxCommandDataLength { return status(.wrongLength) }
        if command.cla == 0xFF { return status(.classNotSupported) }
        // GET RESPONSE belongs to the transmission level: never wrapped, never filtered.
        if command.ins == 0xC0 && handlers[0xC0] == nil { return getResponse(command) }
        pendingResponse = []
        if let commandFilter {
            return deliver(commandFilter(command, self) { dispatch($0) })
        }
        return deliver(dispatch(command))
    }

    /// Runs one (plain) command, with the inner fault stage (see ``FaultStages``).
    private func dispatch(_ command: CommandAPDU) -> ResponseAPDU {
        let response = dispatchPlain(command)
        return injectedFaults.isEmpty ? response : FaultStages.inner(response, command: command, actions: injectedFaults)
    }

    /// Runs the handler or built-in implementation of one (plain) command.
    private func dispatchPlain(_ command: CommandAPDU) -> ResponseAPDU {
        if let handler = handlers[command.ins] { return handler(command, self) }
        switch command.ins {
        case 0xA4: return select(command)
        case 0xB0: return readBinary(command)
        case 0xB1: return profile.oddInsReadBinary ? readBinaryOdd(command) : status(.instructionNotSupported)
        default: return status(.instructionNotSupported)
        }
    }

    /// Extended encoding: a body that starts with 00 and is longer than one byte.
    private func isExtendedEncoding(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 7 && bytes[4] == 0x00
    }

    /// T=0 style delivery: long responses go out in 256-byte pieces with `61 xx`.
    private func deliver(_ response: ResponseAPDU) -> ResponseAPDU {
        guard profile.getResponseChaining, response.data.count > 256 else { return response }
        pendingResponse = Array(response.data[256...]) + response.status.bytes
        return ResponseAPDU(data: Array(response.data[..<256]), status: remainingStatus())
    }

    private func remainingStatus() -> StatusWord {
        let remaining = pendingResponse.count - 2
        return StatusWord(0x61, remaining >= 256 ? 0x00 : UInt8(remaining))
    }

    private func getResponse(_ command: CommandAPDU) -> ResponseAPDU {
        guard pendingResponse.count >= 2 else { return status(.conditionsNotSatisfied) }
        let available = pendingResponse.count - 2
        let ne = command.ne ?? 256
        let n = min(ne, available, 256)
        let chunk = Array(pendingResponse[..<n])
        pendingResponse.removeFirst(n)
        if pendingResponse.count == 2 {
            let final = StatusWord(pendingResponse[0], pendingResponse[1])
            pendingResponse = []
            return ResponseAPDU(data: chunk, status: final)
        }
        return ResponseAPDU(data: chunk, status: remainingStatus())
    }

    func status(_ sw: StatusWord) -> ResponseAPDU { ResponseAPDU(data: [], status: sw) }

    // MARK: File system access for the command implementations

    var currentDirectory: DedicatedFile {
        switch currentDF {
        case .master: return fileSystem.masterFile
        case .application(let i): return fileSystem.applications[i]
        }
    }

    func selectMaster() {
        currentDF = .master
        currentEF = nil
    }

    func selectApplication(aid: [UInt8]) -> Bool {
        guard let i = fileSystem.applications.firstIndex(where: { $0.aid == aid }) else { return false }
        currentDF = .application(i)
        currentEF = nil
        return true
    }

    func selectApplication(fid: UInt16) -> Bool {
        guard let i = fileSystem.applications.firstIndex(where: { $0.fid == fid }) else { return false }
        currentDF = .application(i)
        currentEF = nil
        return true
    }

    func selectEF(fid: UInt16) -> ElementaryFile? {
        guard let ef = currentDirectory.file(fid: fid) else { return nil }
        currentEF = fid
        return ef
    }

    func selectEF(sfi: UInt8) -> ElementaryFile? {
        guard let ef = currentDirectory.file(sfi: sfi) else { return nil }
        currentEF = ef.fid
        return ef
    }

    var currentFile: ElementaryFile? { currentEF.flatMap { currentDirectory.file(fid: $0) } }

    func mayRead(_ file: ElementaryFile) -> Bool {
        switch file.access {
        case .always: return true
        case .afterAccessControl: return accessGranted
        case .never: return false
        }
    }

    /// Replaces the contents of a file (data sets, fault injection).
    public func setFile(_ file: ElementaryFile, inApplication aid: [UInt8]?) {
        lock.withLock { _ in
            if let aid, let i = fileSystem.applications.firstIndex(where: { $0.aid == aid }) {
                fileSystem.applications[i].files.removeAll { $0.fid == file.fid }
                fileSystem.applications[i].files.append(file)
            } else {
                fileSystem.masterFile.files.removeAll { $0.fid == file.fid }
                fileSystem.masterFile.files.append(file)
            }
        }
    }
}
