import CCCDDaemonAPI
import CCCDKit
import CCCDPrimitives
import CCCDTransport
import Foundation
import Logging

/// The readers and cards as PC/SC reports them (hot-plug of readers and cards through
/// ``PCSCReaderMonitor``), and the read sessions: at most one per reader, a second gets
/// `reader_busy`. Card removal and reader detachment wipe the reads taken from that reader.
public final class ReaderManager: Sendable {
    private struct ReaderState: Sendable {
        var cardPresent: Bool
        var session: ReaderSession?
    }

    private struct SessionKey: Hashable, Sendable {
        var owner: String
        var id: String
    }

    private struct State: Sendable {
        /// Reader names in PC/SC order (what an index refers to, as in `cccd readers`).
        var order: [String] = []
        var readers: [String: ReaderState] = [:]
        /// Running sessions by client and session id: each client has its own session ids, so two
        /// clients that pick the same id do not collide, and neither can reach the other's session.
        var sessions: [SessionKey: ReaderSession] = [:]
        /// What reads learned about each reader (by name), for the next read on it.
        var learnedProfiles: [String: ReaderProfile] = [:]
    }

    private let state = LockedBox(State())
    private let hub: EventHub
    private let store: ReadStore
    private let logger: Logger
    /// Reader profiles: the configuration's `readerProfiles`, then `CCCD_READER_PROFILES`, then the
    /// built-in table.
    public let profileTable: ReaderProfileTable

    public init(hub: EventHub, store: ReadStore, logger: Logger, readerProfiles: [ReaderProfileTable.Entry] = []) {
        profileTable = .standard(extra: readerProfiles.map { var e = $0; e.configured = true; return e })
        self.hub = hub
        self.store = store
        self.logger = logger
    }

    // MARK: Readers

    /// The profile an earlier read on `reader` learned (in memory, per reader name).
    public func learnedProfile(for reader: String) -> ReaderProfile? {
        state.withLock { $0.learnedProfiles[reader] }
    }

    /// Remembers what a read on `reader` learned (``ReadStatistics/learnedReaderProfile``).
    public func remember(_ profile: ReaderProfile, for reader: String) {
        state.withLock { $0.learnedProfiles[reader] = profile }
    }

    /// The profile the next read on `reader` starts with, and where it comes from.
    public func profile(for reader: String) -> ReaderProfileReport {
        profileTable.resolve(readerName: reader, learned: learnedProfile(for: reader))
    }

    public func readers() -> [ReaderDescription] {
        state.withLock { state in
            state.order.enumerated().map { index, name in
                let reader = state.readers[name]
                return ReaderDescription(
                    index: index, name: name, cardPresent: reader?.cardPresent ?? false, busy: reader?.session != nil)
            }
        }
    }

    /// The reader named by `id`: its index in ``readers()`` or its name (URL-decoded by the caller).
    public func resolve(_ id: String) throws(APIError) -> String {
        try state.withLock { state throws(APIError) -> String in
            if state.order.isEmpty { throw APIError.noReader }
            if state.readers[id] != nil { return id }
            if let index = Int(id), state.order.indices.contains(index) { return state.order[index] }
            throw APIError.readerNotFound
        }
    }

    // MARK: Sessions

    /// Reserves the reader for one read. Throws `reader_busy` when a read runs on it, and
    /// `invalid_request` when the session id is already in use.
    public func beginSession(
        reader: String, sessionId: String, owner: String = AuthenticatedClient.legacy.name
    ) throws(APIError) -> ReaderSession {
        try state.withLock { state throws(APIError) -> ReaderSession in
            guard state.readers[reader] != nil else { throw APIError.readerNotFound }
            guard state.readers[reader]?.session == nil else { throw APIError.readerBusy }
            let key = SessionKey(owner: owner, id: sessionId)
            guard state.sessions[key] == nil else {
                throw APIError(.conflict, code: "session_in_use", message: "a read with this sessionId is running")
            }
            let session = ReaderSession(id: sessionId, reader: reader, owner: owner)
            state.readers[reader]?.session = session
            state.sessions[key] = session
            return session
        }
    }

    public func endSession(_ session: ReaderSession) {
        state.withLock { state in
            state.sessions.removeValue(forKey: SessionKey(owner: session.owner, id: session.id))
            if state.readers[session.reader]?.session === session { state.readers[session.reader]?.session = nil }
        }
    }

    /// Cancels a running read of `owner`'s. Returns false when no session of theirs has this id.
    public func cancel(sessionId: String, owner: String = AuthenticatedClient.legacy.name) -> Bool {
        let key = SessionKey(owner: owner, id: sessionId)
        guard let session = state.withLock({ $0.sessions[key] }) else { return false }
        session.cancel()
        return true
    }

    public var activeSessions: Int { state.withLock { $0.sessions.count } }

    // MARK: PC/SC events

    /// Follows PC/SC until cancelled; restarts the watcher when the PC/SC service goes away
    /// (the readers are then reported detached until it is back).
    public func monitor() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                for try await event in PCSCReaderMonitor.events(initialSnapshot: true) {
                    failures = 0
                    handle(event)
                }
            } catch {
                if failures == 0 { logger.warning("PC/SC monitor stopped", metadata: ["error": "\(error)"]) }
                failures += 1
            }
            detachAll()
            try? await Task.sleep(for: .milliseconds(failures > 10 ? 2000 : 250))
        }
    }

    func handle(_ event: ReaderEvent) {
        switch event {
        case .readerAttached(let name):
            let order = Self.pcscOrder()
            state.withLock { state in
                if state.readers[name] == nil { state.readers[name] = ReaderState(cardPresent: false) }
                state.order = Self.merge(order: order, known: Set(state.readers.keys), previous: state.order)
            }
            logger.info("reader attached", metadata: ["reader": "\(name)"])
            hub.publish(.readerAttached(reader: name))
        case .readerDetached(let name):
            state.withLock { state in
                state.readers.removeValue(forKey: name)
                state.order.removeAll { $0 == name }
            }
            let wiped = store.wipe(reader: name)
            logger.info("reader detached", metadata: ["reader": "\(name)", "wipedReads": "\(wiped)"])
            hub.publish(.readerDetached(reader: name))
        case .cardInserted(let name, _):
            state.withLock { state in
                if state.readers[name] == nil {
                    state.readers[name] = ReaderState(cardPresent: true)
                    state.order.append(name)
                }
                state.readers[name]?.cardPresent = true
            }
            logger.info("card inserted", metadata: ["reader": "\(name)"])
            hub.publish(.cardInserted(reader: name))
        case .cardRemoved(let name):
            state.withLock { $0.readers[name]?.cardPresent = false }
            let wiped = store.wipe(reader: name)
            logger.info("card removed", metadata: ["reader": "\(name)", "wipedReads": "\(wiped)"])
            hub.publish(.cardRemoved(reader: name))
        }
    }

    private func detachAll() {
        let names = state.withLock { state -> [String] in
            defer {
                state.order = []
                state.readers = state.readers.filter { $0.value.session != nil }.mapValues {
                    ReaderState(cardPresent: false, session: $0.session)
                }
            }
            return state.order
        }
        for name in names {
            store.wipe(reader: name)
            hub.publish(.readerDetached(reader: name))
        }
    }

    /// The reader names in PC/SC's order, or [] when it cannot be asked.
    private static func pcscOrder() -> [String] {
        guard let context = try? PCSCContext() else { return [] }
        defer { context.release() }
        return (try? context.readerNames()) ?? []
    }

    static func merge(order: [String], known: Set<String>, previous: [String]) -> [String] {
        var result = order.filter { known.contains($0) }
        for name in previous where known.contains(name) && !result.contains(name) { result.append(name) }
        for name in known.sorted() where !result.contains(name) { result.append(name) }
        return result
    }
}
