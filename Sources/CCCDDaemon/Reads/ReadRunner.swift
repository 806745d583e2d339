import CCCDDaemonAPI
import CCCDFace
import CCCDKit
import CCCDPrimitives
import CCCDVerification
import Foundation
import Logging
import Metrics

/// Runs one `POST /v1/readers/{id}/read`: reserves the reader, reads and verifies the card with
/// CCCDKit, publishes the progress events, keeps the result in the ``ReadStore``.
struct ReadRunner: Sendable {
    let readers: ReaderManager
    let store: ReadStore
    let hub: EventHub
    let trustStore: TrustStore
    let audit: AuditRecorder
    let logger: Logger
    /// Computes the chip photo's face template while the read goes on; nil when `face.precompute` is off.
    var face: FaceService?

    /// `owner`: the client (token name) the read, its session and its events belong to.
    func run(_ request: ReadRequest, readerID: String, headerSessionId: String?, clientID: String, owner: String)
        async throws(APIError) -> StoredRead
    {
        let started = ContinuousClock.now
        let reader = try readers.resolve(readerID)
        let sessionId = request.sessionId ?? headerSessionId ?? SessionID.make()
        let session = try readers.beginSession(reader: reader, sessionId: sessionId, owner: owner)
        defer { readers.endSession(session) }
        hub.publish(.readStarted(sessionId: sessionId, reader: reader), owner: owner)
        logger.info("read started", metadata: ["reader": "\(reader)", "session": "\(sessionId)"])

        var options = ReadOptions(
            dataGroups: request.dataGroups, includePhoto: request.options.photo,
            cardTimeout: .milliseconds(Int64(request.options.timeoutSeconds * 1000)))
        options.verifier = CardVerifier(trustStore: trustStore)
        options.activeAuthenticationChallenge = request.options.activeAuthenticationChallenge
        // The reader's profile: the table, or what an earlier read on this reader learned.
        options.readerProfiles = readers.profileTable
        options.learnedReaderProfile = readers.learnedProfile(for: reader)
        // The chip template starts as soon as DG2 arrives (AA, CA and the other files are still read).
        let chipTemplate = LockedBox<PendingFaceResult<FaceTemplate>?>(nil)
        if let face, request.options.photo {
            options.fileReadObserver = { file, bytes in
                guard file == .dataGroup(.dg2) else { return }
                // None when the precompute slot is busy: the compare then computes it.
                guard let started = face.startChipTemplate(dg2: bytes) else { return }
                chipTemplate.withLock { $0 = started }
            }
        }

        let result: CardReadResult
        do {
            var outcome = try await read(reader: reader, access: request.access.input, options: options, session: session)
            if outcome.verification == nil { outcome.verification = .notAvailable() }
            result = outcome
            if let learned = outcome.statistics.learnedReaderProfile { readers.remember(learned, for: reader) }
        } catch {
            let apiError = APIError.from(error)
            let duration = ContinuousClock.now - started
            hub.publish(.readFailed(sessionId: sessionId, reader: reader, code: apiError.code), owner: owner)
            logger.info("read failed", metadata: [
                "reader": "\(reader)", "session": "\(sessionId)", "code": "\(apiError.code)",
                "durationMs": "\(duration.milliseconds)",
            ])
            Counter(label: "cccdd_reads_total", dimensions: [("outcome", apiError.code), ("overall", "none")]).increment()
            try audit.recordRead(result: nil, reader: reader, clientID: clientID, outcome: apiError.code, duration: duration)
            throw apiError
        }
        let overall = result.verification?.overall.rawValue ?? "incomplete"
        let duration = ContinuousClock.now - started
        // Journaled before the result is kept or announced: no unaudited read leaves the daemon.
        let readId = ReadStore.makeReadId()
        // The read waits for its row to be on disk (one fsync): logged apart, a slow disk shows here.
        let auditStarted = ContinuousClock.now
        do {
            try audit.recordRead(
                result: result, reader: reader, clientID: clientID, outcome: "ok", duration: duration, readId: readId)
        } catch {
            hub.publish(.readFailed(sessionId: sessionId, reader: reader, code: error.code), owner: owner)
            throw error
        }
        let auditTime = ContinuousClock.now - auditStarted
        let stored = store.store(
            result, reader: reader, sessionId: sessionId, readId: readId, owner: owner,
            chipTemplate: chipTemplate.withLock { $0 })
        hub.publish(.readFinished(sessionId: sessionId, readId: stored.readId, reader: reader, overall: overall), owner: owner)
        logger.info("read finished", metadata: [
            "reader": "\(reader)", "session": "\(sessionId)", "overall": "\(overall)",
            "durationMs": "\(duration.milliseconds)", "auditMs": "\(String(format: "%.2f", auditTime.millisecondsDouble))",
        ])
        Counter(label: "cccdd_reads_total", dimensions: [("outcome", "ok"), ("overall", overall)]).increment()
        Metrics.Timer(label: "cccdd_read_duration_seconds", preferredDisplayUnit: .seconds).recordNanoseconds(duration.nanoseconds)
        return stored
    }

    /// One read, retried once when the first exchange hits a stale PC/SC handle: a card swapped
    /// within one pcscd polling period looks unchanged to pcscd, and the first transmit then fails
    /// with SCARD_E_NOT_TRANSACTED; a fresh connection reads the new card.
    private func read(reader: String, access: AccessInput, options: ReadOptions, session: ReaderSession) async throws(CardReadError)
        -> CardReadResult
    {
        var attempt = 0
        while true {
            let operation = CardReader().read(reader: reader, access: access, options: options)
            session.attach(operation)
            let forward = Task { [hub] in
                for await step in operation.progress {
                    if let event = Self.event(for: step, sessionId: session.id, reader: reader) {
                        hub.publish(event, owner: session.owner)
                    }
                }
            }
            do {
                let result = try await operation.result()
                await forward.value
                return result
            } catch {
                await forward.value
                if attempt == 0, !session.isCancelled, Self.isStaleHandle(error) {
                    attempt += 1
                    logger.info("retrying read after a stale card handle", metadata: ["reader": "\(reader)", "session": "\(session.id)"])
                    continue
                }
                throw error
            }
        }
    }

    static func isStaleHandle(_ error: CardReadError) -> Bool {
        if case .connectionLost(let why) = error { return why.message.contains("SCARD_E_NOT_TRANSACTED") }
        return false
    }

    static func event(for step: ReadProgress, sessionId: String, reader: String) -> DaemonEvent? {
        func progress(_ name: String, file: String? = nil, read: Int? = nil, total: Int? = nil) -> DaemonEvent {
            .readProgress(sessionId: sessionId, reader: reader, step: name, file: file, bytesRead: read, totalBytes: total)
        }
        switch step {
        case .waitingForCard: return progress("waiting-for-card")
        case .connected: return progress("connected")
        case .authenticating: return progress("authenticating")
        case .authenticated: return progress("authenticated")
        case .file(let p): return progress("file", file: p.file.description, read: p.bytesRead, total: p.totalBytes)
        case .recovering: return progress("recovering")
        case .finished: return progress("finished")
        }
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
