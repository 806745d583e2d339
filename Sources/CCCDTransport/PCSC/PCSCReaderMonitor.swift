import CCCDPrimitives
import CPCSCLite
import Foundation

/// A change seen by the PC/SC service.
public enum ReaderEvent: Sendable, Equatable, CustomStringConvertible {
    case readerAttached(String)
    case readerDetached(String)
    case cardInserted(reader: String, atr: [UInt8])
    case cardRemoved(reader: String)

    public var description: String {
        switch self {
        case .readerAttached(let r): return "reader attached: \(r)"
        case .readerDetached(let r): return "reader detached: \(r)"
        case .cardInserted(let r, let atr): return "card inserted in \(r) (ATR \(Hex.encode(atr)))"
        case .cardRemoved(let r): return "card removed from \(r)"
        }
    }
}

/// Watches readers and cards with `SCardGetStatusChange` (including the `\\?PnP?\Notification`
/// pseudo reader for hot-plug) on a dedicated thread, and delivers the changes as an async sequence.
public enum PCSCReaderMonitor {
    /// Events from now on. With `initialSnapshot`, the readers and cards already present are first
    /// reported as attached/inserted. The stream ends with an error if the PC/SC service goes away;
    /// cancelling the consuming task stops the watcher thread.
    public static func events(initialSnapshot: Bool = true) -> AsyncThrowingStream<ReaderEvent, Error> {
        AsyncThrowingStream { continuation in
            let watcher = Watcher(continuation: continuation, initialSnapshot: initialSnapshot)
            continuation.onTermination = { _ in watcher.stop() }
            liveWatchers.withLock { $0 += 1 }
            let thread = Thread {
                watcher.run()
                liveWatchers.withLock { $0 -= 1 }
            }
            thread.name = "cccd.pcsc.monitor"
            thread.start()
        }
    }

    /// Watcher threads not yet ended. A stopped watcher still has to leave `SCardGetStatusChange` and
    /// release its context on its own thread.
    private static let liveWatchers = LockedBox(0)

    /// Waits (polling, at most `timeout`) until every watcher thread has released its PC/SC context;
    /// false if some are still running. A process calls this before it exits: pcsc-lite's library
    /// destructor frees the client's context list, and a watcher still inside the library then
    /// corrupts the heap (seen as `malloc_consolidate(): unaligned fastbin chunk` when cccdd stopped).
    @discardableResult
    public static func waitForWatchersToEnd(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while liveWatchers.withLock({ $0 }) > 0 {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }

    /// Watcher threads running now.
    public static var runningWatchers: Int { liveWatchers.withLock { $0 } }

    private final class Watcher: @unchecked Sendable {
        let continuation: AsyncThrowingStream<ReaderEvent, Error>.Continuation
        let initialSnapshot: Bool
        /// The blocking wait's context (cancelled by `stop`) and whether the watcher was stopped.
        private let state = LockedBox<(context: SCARDCONTEXT?, stopped: Bool)>((nil, false))

        init(continuation: AsyncThrowingStream<ReaderEvent, Error>.Continuation, initialSnapshot: Bool) {
            self.continuation = continuation
            self.initialSnapshot = initialSnapshot
        }

        func stop() {
            state.withLock { state in
                state.stopped = true
                if let context = state.context { _ = SCardCancel(context) }
            }
        }

        private var isStopped: Bool { state.withLock { $0.stopped } }

        func run() {
            var ctx: SCARDCONTEXT = 0
            let rv = SCardEstablishContext(SCard.scopeSystem, nil, nil, &ctx)
            guard rv == PCSCStatus.success else {
                continuation.finish(throwing: PCSCStatus.error(rv))
                return
            }
            state.withLock { $0.context = ctx }
            defer {
                state.withLock { $0.context = nil }
                _ = SCardReleaseContext(ctx)
            }
            do {
                try loop(ctx)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }

        /// Known state per reader: the last event state reported by pcscd.
        private func loop(_ ctx: SCARDCONTEXT) throws(CardTransportError) {
            var known: [String: DWORD] = [:]
            var readers = try PCSCContext.listReaders(ctx)
            for name in readers { known[name] = SCard.stateUnaware }
            var pnpState: DWORD = SCard.stateUnaware
            var first = true

            while !isStopped {
                let names = readers + [SCard.plugAndPlayReader]
                let cNames = names.map { strdup($0)! }
                defer { cNames.forEach { free($0) } }
                var states = zip(names, cNames).map { name, cName -> SCARD_READERSTATE in
                    var s = SCARD_READERSTATE()
                    s.szReader = UnsafePointer(cName)
                    s.dwCurrentState = name == SCard.plugAndPlayReader ? pnpState : (known[name] ?? 0)
                    return s
                }
                let rv = SCardGetStatusChange(ctx, first ? 0 : SCard.infinite, &states, DWORD(states.count))
                let code = UInt32(truncatingIfNeeded: rv)
                if code == 0x8010_0002 { return }  // cancelled by stop()
                if code == 0x8010_000A && !first { continue }
                if rv != PCSCStatus.success && code != 0x8010_000A { throw PCSCStatus.error(rv) }

                var readerListChanged = false
                for (name, s) in zip(names, states) {
                    let event = s.dwEventState & ~SCard.stateChanged
                    if name == SCard.plugAndPlayReader {
                        if s.dwEventState & SCard.stateChanged != 0 { readerListChanged = true }
                        pnpState = event
                        continue
                    }
                    let before = known[name] ?? 0
                    let wasPresent = before & SCard.statePresent != 0
                    let isPresent = event & SCard.statePresent != 0
                    if first && initialSnapshot { continuation.yield(.readerAttached(name)) }
                    if isPresent && (!wasPresent || (first && initialSnapshot)) {
                        if !first || initialSnapshot {
                            continuation.yield(.cardInserted(reader: name, atr: PCSCContext.atrBytes(s)))
                        }
                    } else if !isPresent && wasPresent {
                        continuation.yield(.cardRemoved(reader: name))
                    }
                    if event & SCard.stateUnknown != 0 || event & SCard.stateUnavailable != 0 && !first {
                        readerListChanged = true
                    }
                    known[name] = event
                }
                first = false

                if readerListChanged {
                    let now = try PCSCContext.listReaders(ctx)
                    for gone in readers where !now.contains(gone) {
                        if (known[gone] ?? 0) & SCard.statePresent != 0 {
                            continuation.yield(.cardRemoved(reader: gone))
                        }
                        known[gone] = nil
                        continuation.yield(.readerDetached(gone))
                    }
                    for new in now where !readers.contains(new) {
                        known[new] = SCard.stateUnaware
                        continuation.yield(.readerAttached(new))
                    }
                    readers = now
                    // Newly attached readers get their card state on the next round (current = UNAWARE
                    // returns at once).
                }
            }
        }
    }
}
