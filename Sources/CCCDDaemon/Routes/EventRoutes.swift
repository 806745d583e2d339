import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /v1/events`: Server-Sent Events until the client goes away or the daemon stops. A stream
/// carries the reader events and the events of its own client's reads only: another client's
/// session and read ids never appear in it.
enum EventRoutes {
    static func register(on router: RouterGroup<DaemonRequestContext>, services: DaemonServices) {
        router.get("/v1/events") { _, context in
            let owner = try context.owner()
            guard let events = services.hub.subscribe(limit: services.configuration.limits.maxEventStreams, owner: owner) else {
                throw APIError(.serviceUnavailable, code: "too_many_streams",
                               message: "too many event streams are open; close one or retry later")
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                // A comment first, so that clients see the stream open before the first event.
                try await writer.write(ByteBuffer(string: ": cccdd events\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
                try await writer.finish(nil)
            })
        }
    }
}
