import CCCDDaemonAPI
import Logging
import Testing

@testable import CCCDDaemon

/// Session ids belong to the client that chose them: two clients may use the same id at once,
/// neither can cancel the other's session, and one client still cannot use an id twice.
@Suite struct ReaderSessionTests {
    @Test func sessionIdsAreNamespacedPerClient() throws {
        let hub = EventHub()
        let readers = ReaderManager(hub: hub, store: ReadStore(timeToLive: 60), logger: Logger(label: "sessions"))
        readers.handle(.cardInserted(reader: "R0", atr: []))
        readers.handle(.cardInserted(reader: "R1", atr: []))
        let a = try readers.beginSession(reader: "R0", sessionId: "desk-1", owner: "kiosk-a")
        let b = try readers.beginSession(reader: "R1", sessionId: "desk-1", owner: "kiosk-b")
        #expect(readers.activeSessions == 2)
        readers.endSession(b)
        let again = try readers.beginSession(reader: "R1", sessionId: "desk-1", owner: "kiosk-b")
        // The same client, the same id, another reader: refused while its first read runs.
        readers.endSession(again)
        do {
            _ = try readers.beginSession(reader: "R1", sessionId: "desk-1", owner: "kiosk-a")
            Issue.record("a client used one session id twice at once")
        } catch {
            #expect(error.code == "session_in_use")
        }
        #expect(!readers.cancel(sessionId: "desk-1", owner: "kiosk-b"), "kiosk-b has no running session now")
        #expect(!a.isCancelled)
        #expect(readers.cancel(sessionId: "desk-1", owner: "kiosk-a"))
        #expect(a.isCancelled)
        readers.endSession(a)
        #expect(readers.activeSessions == 0)
    }
}
