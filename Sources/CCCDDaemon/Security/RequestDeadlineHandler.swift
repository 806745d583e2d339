import HTTPTypes
import NIOCore
// NIOHTTPTypes comes with Hummingbird (swift-nio-extras); its parts are what HummingbirdCore's
// HTTP/1 pipeline carries between the codec and the request handler.
import NIOHTTPTypes

/// Per-connection limits below the router, in the HTTP/1 pipeline:
///
/// - **Total request deadline.** From the moment the connection is ready for a request (accepted,
///   or the previous exchange finished) until that request's end has arrived, at most `deadline`
///   may pass — however steadily the bytes trickle in (Hummingbird's idle timeout is reset by every
///   byte). When it passes, the client gets 408 `Connection: close` (or, with a response already
///   under way, just the close). Reads and event streams that run after their request arrived are
///   not cut.
/// - **Close after refusal.** 401, 403, 408 and 413 answers carry `Connection: close`; the daemon
///   then shuts its sending side and closes the connection once the request's end arrives, so a
///   client without a token cannot keep a connection busy with a body nobody reads (the deadline
///   still bounds that wait).
/// - **Event streams end with their client.** A client that closes its side while an event stream
///   runs is gone (half-closure is allowed for requests, not for streams): the connection is closed,
///   so the stream's next write fails and its slot under `maxEventStreams` is freed.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let closingStatuses: Set<Int> = [401, 403, 408, 413]

    private let deadline: TimeAmount
    private var timer: Scheduled<Void>?
    private var requestEnded = false
    private var responseStarted = false
    private var responseEnded = false
    private var closeAfterResponse = false
    private var halfClosePending = false
    private var streaming = false

    init(deadline: TimeAmount) {
        self.deadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        if timer == nil { arm(context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            requestEnded = true
            timer?.cancel()
            timer = nil
            if responseEnded {
                if closeAfterResponse {
                    context.close(promise: nil)
                    return
                }
                nextExchange(context)
            }
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event, streaming, !responseEnded {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response):
            responseStarted = true
            streaming = response.headerFields[.contentType]?.hasPrefix("text/event-stream") == true
            if Self.closingStatuses.contains(response.status.code) || response.headerFields[.connection] == "close" {
                closeAfterResponse = true
                response.headerFields[.connection] = "close"
                context.write(wrapOutboundOut(.head(response)), promise: promise)
                return
            }
        case .body:
            break
        case .end:
            responseEnded = true
            if closeAfterResponse {
                halfClosePending = true
            } else if requestEnded {
                nextExchange(context)
            }
        }
        context.write(data, promise: promise)
    }

    func flush(context: ChannelHandlerContext) {
        context.flush()
        guard halfClosePending else { return }
        halfClosePending = false
        if requestEnded {
            context.close(promise: nil)
        } else {
            // Stop sending; the rest of the body is read (and dropped) until its end or the deadline.
            context.close(mode: .output, promise: nil)
        }
    }

    private func nextExchange(_ context: ChannelHandlerContext) {
        streaming = false
        requestEnded = false
        responseStarted = false
        responseEnded = false
        arm(context)
    }

    private func arm(_ context: ChannelHandlerContext) {
        timer?.cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: deadline) {
            let (handler, context) = loopBound.value
            handler.expired(context)
        }
    }

    private func expired(_ context: ChannelHandlerContext) {
        timer = nil
        guard context.channel.isActive else { return }
        if responseStarted {
            context.close(promise: nil)
            return
        }
        let response = HTTPResponse(status: .requestTimeout, headerFields: [.connection: "close", .contentLength: "0"])
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
