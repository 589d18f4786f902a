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
    /// Lines read while paused for back-pressure, in arrival order.
    var waiting: CircularBuffer<InboundLine> = []
    var paused = false
    /// This handler's context, for taking waiting lines when an answer goes out (on the event loop only).
    var context: ChannelHandlerContext?

    let handler: any RequestHandling
    /// The limits in force when the connection was accepted.
    let limits: ServerLimits

    init(server: QueryServer, handler: any RequestHandling, limits: ServerLimits) {
        self.server = server
        self.handler = handler
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelActive(context: ChannelHandlerContext) {
        tail = context.eventLoop.makeSucceededVoidFuture()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.connectionClosed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        if waiting.isEmpty, canTakeMore(context) {
            take(line, context: context)
        } else {
            waiting.append(line)
            pause(context)
        }
    }

    /// Back-pressure: a connection with `maxInFlightPerConnection` answers outstanding, or whose
    /// answers back up unread past the write-buffer mark, is not read further until they go out.
    /// Pipelined requests wait their turn instead of being refused, and a client that never reads
    /// its answers costs a bounded buffer (then the idle timeout closes it).
    func canTakeMore(_ context: ChannelHandlerContext) -> Bool {
        inFlight < limits.maxInFlightPerConnection && context.channel.isWritable
    }

    func pause(_ context: ChannelHandlerContext) {
        guard !paused else { return }
        paused = true
        context.channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
    }

    /// Takes the lines that waited while the connection was paused, and reads again once they are all taken.
    func drain(_ context: ChannelHandlerContext) {
        while !waiting.isEmpty, canTakeMore(context) {
            take(waiting.removeFirst(), context: context)
        }
        if paused, waiting.isEmpty, canTakeMore(context), context.channel.isActive {
            paused = false
            context.channel.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        drain(context)
        context.fireChannelWritabilityChanged()
    }

    func take(_ line: InboundLine, context: ChannelHandlerContext) {
        switch line {
        case .tooLong:
            oversizedInARow += 1
            enqueue(context: context, answer: Response.failure(id: nil, error: ProtocolError(
                .tooLarge, "request line longer than \(limits.maxRequestBytes) bytes")))
            if oversizedInARow >= limits.maxOversizedLines {
                closeAfterPending(context: context)
            }
        case .line(let buffer):
            oversizedInARow = 0
            // An empty line is answered too (invalid_json): one request line, one response line.
            handle(context: context, line: Array(buffer.readableBytesView))
        }
    }

    func handle(context: ChannelHandlerContext, line: [UInt8]) {
        let handler = self.handler
        if line.count > limits.parseOnWorkerBytes {
            // Parsing is linear but a megabyte still takes milliseconds: do it off the network
            // thread so other connections' pings are not held up behind it.
            let draining = server.isDraining
            let work = server.work(on: context.eventLoop) {
                switch handler.dispatch(line, draining: draining) {
                case .answered(let bytes): return .line(bytes)
                case .work(_, let body): return body()
                }
            }
            enqueue(context: context, work: work, id: nil)
            return
        }
        switch handler.dispatch(line, draining: server.isDraining) {
        case .answered(let bytes):
            enqueue(context: context, answer: bytes)
        case .work(let id, let body):
            enqueue(context: context, work: server.work(on: context.eventLoop, body), id: id)
        }
    }

    /// Queues an answer that is ready now behind the ones still being worked on.
    func enqueue(context: ChannelHandlerContext, answer: [UInt8]) {
        enqueue(context: context, work: context.eventLoop.makeSucceededFuture(.line(answer)), id: nil)
    }

    func enqueue(context: ChannelHandlerContext, work: EventLoopFuture<Reply>, id: RequestID?) {
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
                if let context = me.context { me.drain(context) }
                if me.inputClosed, me.inFlight == 0, me.waiting.isEmpty, !me.subscribed { channel.close(promise: nil) }
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
            if inFlight == 0, waiting.isEmpty, !subscribed { context.close(promise: nil) }
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
