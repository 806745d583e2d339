import CCCDPrimitives
import CPCSCLite
import Foundation

/// A connection to the PC/SC service (pcscd): lists readers, reads their state and connects to cards.
///
/// A context is safe to share between tasks: calls on it are serialised. Blocking waits for reader
/// events use their own context (see `PCSCReaderMonitor`).
package final class PCSCContext: @unchecked Sendable {
    private let handle: SCARDCONTEXT
    /// Serialises the calls on the handle; the value: whether the context was released.
    private let released = LockedBox(false)

    /// Establishes a context with the PC/SC service.
    package init() throws(CardTransportError) {
        var ctx: SCARDCONTEXT = 0
        let rv = SCardEstablishContext(SCard.scopeSystem, nil, nil, &ctx)
        guard rv == PCSCStatus.success else { throw PCSCStatus.error(rv) }
        handle = ctx
    }

    deinit {
        if !released.withLock({ $0 }) { _ = SCardReleaseContext(handle) }
    }

    /// Releases the context now (it is also released when the object goes away).
    package func release() {
        released.withLock { released in
            if !released {
                _ = SCardReleaseContext(handle)
                released = true
            }
        }
    }

    /// Names of the attached readers, in the order pcscd reports them; empty when there are none.
    package func readerNames() throws(CardTransportError) -> [String] {
        try released.withLock { (_) throws(CardTransportError) -> [String] in try Self.listReaders(handle) }
    }

    static func listReaders(_ handle: SCARDCONTEXT) throws(CardTransportError) -> [String] {
        // Two calls: the size, then the multi-string. Retry when a reader appeared in between.
        for _ in 0..<3 {
            var length: DWORD = 0
            var rv = SCardListReaders(handle, nil, nil, &length)
            if UInt32(truncatingIfNeeded: rv) == 0x8010_002E { return [] }
            guard rv == PCSCStatus.success else { throw PCSCStatus.error(rv) }
            var buffer = [CChar](repeating: 0, count: Int(length))
            rv = SCardListReaders(handle, nil, &buffer, &length)
            if UInt32(truncatingIfNeeded: rv) == 0x8010_002E { return [] }
            if UInt32(truncatingIfNeeded: rv) == 0x8010_0008 { continue }
            guard rv == PCSCStatus.success else { throw PCSCStatus.error(rv) }
            return parseMultiString(buffer)
        }
        throw .pcsc(code: 0x8010_0008, name: "SCARD_E_INSUFFICIENT_BUFFER", message: "reader list kept changing")
    }

    static func parseMultiString(_ buffer: [CChar]) -> [String] {
        var names: [String] = []
        var current: [UInt8] = []
        for c in buffer {
            if c == 0 {
                if current.isEmpty { break }
                names.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(UInt8(bitPattern: c))
            }
        }
        return names
    }

    /// The current state of every attached reader (card present, ATR, …).
    package func readerStates() throws(CardTransportError) -> [ReaderState] {
        try released.withLock { (_) throws(CardTransportError) -> [ReaderState] in
            let names = try Self.listReaders(handle)
            if names.isEmpty { return [] }
            return try Self.queryStates(handle, names: names)
        }
    }

    static func queryStates(_ handle: SCARDCONTEXT, names: [String]) throws(CardTransportError) -> [ReaderState] {
        let cNames = names.map { strdup($0)! }
        defer { cNames.forEach { free($0) } }
        var states = cNames.map { name -> SCARD_READERSTATE in
            var s = SCARD_READERSTATE()
            s.szReader = UnsafePointer(name)
            s.dwCurrentState = SCard.stateUnaware
            return s
        }
        let rv = SCardGetStatusChange(handle, 0, &states, DWORD(states.count))
        // Timeout means "nothing changed relative to UNAWARE", which cannot happen; treat as success.
        guard rv == PCSCStatus.success || UInt32(truncatingIfNeeded: rv) == 0x8010_000A else {
            throw PCSCStatus.error(rv)
        }
        return zip(names, states).map { name, s in
            ReaderState(name: name, eventState: s.dwEventState, atr: atrBytes(s))
        }
    }

    static func atrBytes(_ state: SCARD_READERSTATE) -> [UInt8] {
        var s = state
        let count = min(Int(s.cbAtr), MemoryLayout.size(ofValue: s.rgbAtr))
        return withUnsafeBytes(of: &s.rgbAtr) { Array($0.prefix(count)) }
    }

    /// Connects to the card in `reader`. Asks for T=1 and accepts T=0 when the card only offers that.
    package func connect(reader: String, share: PCSCShareMode = .shared,
                        preferred: [PCSCProtocol] = [.t1, .t0]) throws(CardTransportError) -> PCSCCard {
        try released.withLock { (_) throws(CardTransportError) -> PCSCCard in
            try connectLocked(reader: reader, share: share, preferred: preferred)
        }
    }

    private func connectLocked(reader: String, share: PCSCShareMode, preferred: [PCSCProtocol]) throws(CardTransportError)
        -> PCSCCard
    {
        var protocols: DWORD = 0
        for p in preferred { protocols |= (p == .t1 ? SCard.protocolT1 : SCard.protocolT0) }
        var card: SCARDHANDLE = 0
        var active: DWORD = 0
        var rv = SCardConnect(handle, reader, share.value, protocols, &card, &active)
        if UInt32(truncatingIfNeeded: rv) == 0x8010_000F, protocols != SCard.protocolT0, preferred.contains(.t0) {
            // Some readers refuse the T=1|T=0 mask for T=0-only cards: try T=0 alone.
            rv = SCardConnect(handle, reader, share.value, SCard.protocolT0, &card, &active)
        }
        guard rv == PCSCStatus.success else { throw PCSCStatus.error(rv, reader: reader) }
        let proto: PCSCProtocol = active == SCard.protocolT0 ? .t0 : .t1
        return PCSCCard(handle: card, reader: reader, protocol: proto)
    }

    /// Resolves a reader given by name or by index (as printed by `cccd readers`).
    package func resolveReader(_ nameOrIndex: String?) throws(CardTransportError) -> String {
        let names = try readerNames()
        guard !names.isEmpty else { throw .noReader(nil) }
        guard let nameOrIndex else { return names[0] }
        if let index = Int(nameOrIndex), names.indices.contains(index) { return names[index] }
        if names.contains(nameOrIndex) { return nameOrIndex }
        if let match = names.first(where: { $0.hasPrefix(nameOrIndex) }) { return match }
        throw .noReader(nameOrIndex)
    }
}
