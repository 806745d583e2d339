import CCCDDaemon
import CCCDFace
import CCCDKit
import Foundation
import Testing

@Suite struct ReadStoreTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    func result() -> CardReadResult {
        CardReadResult(
            photo: PhotoSummary(format: "jpeg", sha256: "00", width: 1, height: 1, imageData: [0xFF, 0xD8, 0xFF, 0xE0]),
            rawFiles: [.dataGroup(.dg1): [1, 2, 3]])
    }

    @Test func expiresAfterItsTimeToLive() {
        let clock = Clock()
        let store = ReadStore(timeToLive: 120, now: { clock.now })
        let entry = store.store(result(), reader: "R0", sessionId: "s")
        #expect(entry.expiresAt == clock.now.addingTimeInterval(120))
        #expect(store.read(entry.readId)?.result.photo?.imageData == [0xFF, 0xD8, 0xFF, 0xE0])
        clock.now.addTimeInterval(119)
        #expect(store.read(entry.readId) != nil)
        clock.now.addTimeInterval(1)
        #expect(store.read(entry.readId) == nil)
        #expect(store.count == 0)
    }

    @Test("The chip template computed during the read lives exactly as long as the read")
    func chipTemplateLivesWithTheRead() async throws {
        let clock = Clock()
        let store = ReadStore(timeToLive: 10, now: { clock.now })
        weak var first: PendingFaceResult<FaceTemplate>?
        weak var second: PendingFaceResult<FaceTemplate>?
        var ids: [String] = []
        do {
            let template = FaceTemplate(descriptor: [Float](repeating: 0.1, count: 128))
            let a = PendingFaceResult<FaceTemplate>(finished: .success(template))
            let b = PendingFaceResult<FaceTemplate>(finished: .success(template))
            (first, second) = (a, b)
            ids = [
                store.store(result(), reader: "R0", sessionId: "a", chipTemplate: a).readId,
                store.store(result(), reader: "R1", sessionId: "b", chipTemplate: b).readId,
            ]
        }
        do {
            let pending = try #require(store.read(ids[0])?.chipTemplate)
            #expect(try await pending.value().get().descriptor.count == 128)
        }
        #expect(first != nil && second != nil)
        #expect(store.delete(ids[0]))
        #expect(first == nil, "dropped with the deleted read")
        clock.now.addTimeInterval(11)
        #expect(store.read(ids[1]) == nil)
        #expect(second == nil, "dropped with the expired read")
    }

    @Test func sweepAndWipeByReaderAndDelete() {
        let clock = Clock()
        let store = ReadStore(timeToLive: 10, now: { clock.now })
        let a = store.store(result(), reader: "R0", sessionId: "a")
        let b = store.store(result(), reader: "R1", sessionId: "b")
        let c = store.store(result(), reader: "R0", sessionId: "c")
        #expect(Set([a.readId, b.readId, c.readId]).count == 3)
        #expect(store.wipe(reader: "R0") == 2)
        #expect(store.read(a.readId) == nil && store.read(c.readId) == nil && store.read(b.readId) != nil)
        #expect(store.delete(b.readId))
        #expect(!store.delete(b.readId))
        _ = store.store(result(), reader: "R2", sessionId: "d")
        clock.now.addTimeInterval(11)
        #expect(store.sweep() == 1)
        #expect(store.count == 0)
    }

    @Test func eventsCarryNoPersonalDataAndUseTheContractNames() throws {
        let events: [(DaemonEvent, String)] = [
            (.readerAttached(reader: "Virtual PCD 00 00"), "reader-attached"),
            (.readerDetached(reader: "R"), "reader-detached"),
            (.cardInserted(reader: "R"), "card-inserted"),
            (.cardRemoved(reader: "R"), "card-removed"),
            (.readStarted(sessionId: "s", reader: "R"), "read-started"),
            (
                .readProgress(sessionId: "s", reader: "R", step: "file", file: "DG2", bytesRead: 100, totalBytes: 200),
                "read-progress"
            ),
            (.readFinished(sessionId: "s", readId: "r", reader: "R", overall: "valid"), "read-finished"),
            (.readFailed(sessionId: "s", reader: "R", code: "wrong_access_key"), "read-failed"),
        ]
        for (event, type) in events {
            #expect(event.type == type)
            let text = event.serverSentEvent
            #expect(text.hasPrefix("event: \(type)\ndata: {") && text.hasSuffix("}\n\n"))
            let object = try #require(try JSONSerialization.jsonObject(with: event.json) as? [String: Any])
            #expect(object["reader"] is String)
        }
        let progress = try #require(
            try JSONSerialization.jsonObject(
                with: DaemonEvent.readProgress(
                    sessionId: "s", reader: "R", step: "file", file: "DG2", bytesRead: 100, totalBytes: 200
                ).json)
                as? [String: Any])
        #expect(DaemonEvent.heartbeat.serverSentEvent == ": keep-alive\n\n")
        #expect(
            progress["file"] as? String == "DG2" && progress["bytesRead"] as? Int == 100 && progress["totalBytes"] as? Int == 200)
    }

    @Test func hubFansOutAndFinishes() async {
        let hub = EventHub()
        let first = hub.subscribe()
        let second = hub.subscribe()
        #expect(hub.subscriberCount == 2)
        hub.publish(.cardInserted(reader: "R"))
        hub.finishAll()
        var a: [DaemonEvent] = []
        for await event in first { a.append(event) }
        var b: [DaemonEvent] = []
        for await event in second { b.append(event) }
        #expect(a == [.cardInserted(reader: "R")] && b == a)
        // After shutdown, new subscriptions end at once.
        for await _ in hub.subscribe() { Issue.record("event after shutdown") }
    }
}
