import NIOCore
import NIOPosix
import QueryProtocol
import ReportModel

/// One client connection: parses request lines, answers them in order, and ends the
/// connection when the client closes its side, idles, or keeps breaking the limits.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = InboundLine
    typealias OutboundOut = ByteBuffer

    let server: QueryServer
    /// Completes when every answer so far has been written: answers are chained onto it in order.
    var tail: EventLoopFuture<Void>?
    var inFlight = 0
    var oversizedInARow = 0
    var inputClosed = false
    var subscribed = false

    init(server: QueryServer) { self.server = server }

    func channelActive(context: ChannelHandlerContext) {
        tail = context.eventLoop.makeSucceededVoidFuture()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.connectionClosed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .tooLong:
            oversizedInARow += 1
            enqueue(context: context, answer: Response.failure(id: nil, error: ProtocolError(
                .tooLarge, "request line longer than \(server.limits.maxRequestBytes) bytes")))
            if oversizedInARow >= server.limits.maxOversizedLines {
                closeAfterPending(context: context)
            }
        case .line(let buffer):
            oversizedInARow = 0
            if buffer.readableBytes == 0 { return }   // blank lines are ignored, as most line protocols do
            handle(context: context, bytes: buffer.readableBytesView)
        }
    }

    func handle(context: ChannelHandlerContext, bytes: ByteBufferView) {
        let request: Request
        switch Request.parse(bytes) {
        case .failure(let failure):
            enqueue(context: context, answer: Response.failure(id: failure.id, error: failure.error))
            return
        case .success(let parsed):
            request = parsed
        }
        if server.isDraining {
            enqueue(context: context, answer: Response.failure(id: request.id, error: ProtocolError(
                .shuttingDown, "renewald is shutting down")))
            return
        }
        if let quick = server.handler.quickReply(to: request) {
            enqueue(context: context, answer: quick)
            return
        }
        guard inFlight < server.limits.maxInFlightPerConnection else {
            enqueue(context: context, answer: Response.failure(id: request.id, error: ProtocolError(
                .overloaded, "more than \(server.limits.maxInFlightPerConnection) requests in progress on this connection")))
            return
        }
        let handler = server.handler
        let work = server.work(on: context.eventLoop) { handler.reply(to: request) }
        enqueue(context: context, work: work, id: request.id)
    }

    /// Queues an answer that is ready now behind the ones still being worked on.
    func enqueue(context: ChannelHandlerContext, answer: [UInt8]) {
        enqueue(context: context, work: context.eventLoop.makeSucceededFuture(.line(answer)), id: nil)
    }

    func enqueue(context: ChannelHandlerContext, work: EventLoopFuture<Reply>, id: JSONValue?) {
        inFlight += 1
        let previous = tail ?? context.eventLoop.makeSucceededVoidFuture()
        let channel = context.channel
        let loopBoundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
        tail = previous.flatMap { work }
            .flatMapErrorThrowing { error -> Reply in
                .line(Response.failure(id: id, error: ProtocolError(.internal, "request failed: \(error)")))
            }
            .map { reply -> Void in
                let me = loopBoundSelf.value
                me.inFlight -= 1
                switch reply {
                case .line(let bytes):
                    channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil)
                case .subscribe(let events, let ack):
                    channel.writeAndFlush(channel.allocator.buffer(bytes: ack), promise: nil)
                    me.subscribed = true
                    me.server.addSubscriber(channel, events: events)
                }
                if me.inputClosed, me.inFlight == 0, !me.subscribed { channel.close(promise: nil) }
            }
    }

    func closeAfterPending(context: ChannelHandlerContext) {
        let channel = context.channel
        (tail ?? context.eventLoop.makeSucceededVoidFuture()).whenComplete { _ in channel.close(promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            // The client half-closed after its requests (`echo … | socat`): answer them, then close.
            inputClosed = true
            if inFlight == 0, !subscribed { context.close(promise: nil) }
            return
        }
        if event is IdleStateHandler.IdleStateEvent {
            if !subscribed, inFlight == 0 { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
