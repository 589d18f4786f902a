import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import QueryProtocol
import ReportModel

/// The NDJSON query server on a Unix stream socket.
public final class QueryServer: Sendable {
    let group: MultiThreadedEventLoopGroup
    let threadPool: NIOThreadPool
    let logger: Logger
    private let state: NIOLockedValueBox<State>

    struct State {
        var listener: Channel?
        /// Limits for new connections; `reload` may change them.
        var limits: ServerLimits
        var connections: [ObjectIdentifier: Channel] = [:]
        var subscribers: [ObjectIdentifier: (channel: Channel, events: Set<String>?)] = [:]
        var draining = false
        /// Requests being worked on by the thread pool, over all connections.
        var working = 0
        /// `limits.maxConnections`, lowered to what the open-file limit allows.
        var maxConnections = Int.max
    }

    public init(limits: ServerLimits = ServerLimits(), logger: Logger, eventLoopThreads: Int = 1, workerThreads: Int = 4) {
        state = NIOLockedValueBox(State(limits: limits))
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)
        threadPool = NIOThreadPool(numberOfThreads: workerThreads)
        threadPool.start()
    }

    /// Where to listen: a path to bind, or a socket already bound and listening (socket activation).
    public enum Endpoint: Sendable {
        case path(String)
        case inherited(fd: Int32)
    }

    /// The limits new connections get.
    public var limits: ServerLimits { state.withLockedValue { $0.limits } }

    /// Applies new limits (after a reload): to connections accepted from now on.
    public func update(_ limits: ServerLimits) {
        let fit = DescriptorLimit.connectionsThatFit()
        state.withLockedValue {
            $0.limits = limits
            $0.maxConnections = min(limits.maxConnections, fit)
        }
    }

    /// Starts listening, answering with `handler`; returns once the socket accepts connections.
    public func start(_ endpoint: Endpoint, handler: any RequestHandling) throws {
        let limits = self.limits
        let fit = DescriptorLimit.connectionsThatFit()
        let most = min(limits.maxConnections, fit)
        state.withLockedValue { $0.maxConnections = most }
        if most < limits.maxConnections {
            logger.warning("max_connections lowered to \(most): the open-file limit leaves no room for more")
        }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelOption(ChannelOptions.writeBufferWaterMark,
                                value: .init(low: limits.subscriberBacklogBytes / 2, high: limits.subscriberBacklogBytes))
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.accept(channel, handler: handler)
                }
            }
        let channel: Channel
        switch endpoint {
        case .path(let path):
            channel = try bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).wait()
        case .inherited(let fd):
            channel = try bootstrap.withBoundSocket(fd).wait()
        }
        state.withLockedValue { $0.listener = channel }
    }

    func accept(_ channel: Channel, handler: any RequestHandling) throws {
        let (admitted, limits) = state.withLockedValue { state -> (Bool, ServerLimits) in
            guard state.connections.count < state.maxConnections else { return (false, state.limits) }
            state.connections[ObjectIdentifier(channel)] = channel
            return (true, state.limits)
        }
        guard admitted else {
            let most = state.withLockedValue { $0.maxConnections }
            let answer = Response.failure(id: nil, error: ProtocolError(.overloaded, "too many connections (\(most))"))
            channel.writeAndFlush(channel.allocator.buffer(bytes: answer)).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        let idle = TimeAmount.nanoseconds(Int64(limits.idleTimeout.components.seconds) * 1_000_000_000
                                          + limits.idleTimeout.components.attoseconds / 1_000_000_000)
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFramer(maxLineBytes: limits.maxRequestBytes)))
        // After the framer, so only complete lines count as activity: a client dripping a byte at a
        // time (slowloris) without ever finishing a line is closed after the idle timeout too.
        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
        try channel.pipeline.syncOperations.addHandler(ConnectionHandler(server: self, handler: handler, limits: limits))
    }

    func connectionClosed(_ channel: Channel) {
        state.withLockedValue {
            $0.connections[ObjectIdentifier(channel)] = nil
            $0.subscribers[ObjectIdentifier(channel)] = nil
        }
    }

    func addSubscriber(_ channel: Channel, events: Set<String>?) {
        state.withLockedValue { $0.subscribers[ObjectIdentifier(channel)] = (channel, events) }
    }

    /// Runs a request on the worker pool, counted so shutdown can wait for it.
    func work(on eventLoop: EventLoop, _ body: @escaping @Sendable () -> Reply) -> EventLoopFuture<Reply> {
        state.withLockedValue { $0.working += 1 }
        let future = threadPool.runIfActive(eventLoop: eventLoop, body)
        future.whenComplete { [self] _ in state.withLockedValue { $0.working -= 1 } }
        return future
    }

    var isDraining: Bool { state.withLockedValue { $0.draining } }

    /// Number of open client connections.
    public var connectionCount: Int { state.withLockedValue { $0.connections.count } }

    /// Pushes an event line to every subscriber that wants `kind`. A subscriber that has fallen
    /// more than the backlog limit behind is dropped rather than allowed to grow memory.
    public func publish(kind: String, event: JSONValue) {
        let targets = state.withLockedValue { state in
            state.subscribers.values.filter { $0.events?.contains(kind) ?? true }.map(\.channel)
        }
        guard !targets.isEmpty else { return }
        let bytes = Response.event(event)
        for channel in targets {
            channel.eventLoop.execute {
                guard channel.isActive else { return }
                if channel.isWritable {
                    channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil)
                } else {
                    channel.close(promise: nil)
                }
            }
        }
    }

    /// Stops accepting, answers new requests with `shutting_down`, waits up to `grace` for
    /// requests in progress, then closes every connection.
    public func shutdown(grace: Duration = .seconds(5)) {
        let listener = state.withLockedValue { state -> Channel? in
            state.draining = true
            return state.listener
        }
        try? listener?.close().wait()
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if state.withLockedValue({ $0.working }) == 0 { break }
            Thread.sleepBriefly()
        }
        Thread.sleepBriefly()   // let the last answers reach the network thread and be written
        let open = state.withLockedValue { Array($0.connections.values) }
        for channel in open { try? channel.close().wait() }
        try? threadPool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }
}

private enum Thread {
    static func sleepBriefly() {
        var ts = timespec(tv_sec: 0, tv_nsec: 20_000_000)
        nanosleep(&ts, nil)
    }
}
