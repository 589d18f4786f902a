import NIOCore

/// What the framer hands on: a complete request line, or notice that a line was too long.
enum InboundLine {
    case line(ByteBuffer)
    /// A line exceeded the limit; its bytes up to the next newline are being discarded.
    case tooLong
}

/// Splits the byte stream at `\n` with a per-line limit. An oversized line is reported once and
/// skipped to its end, so the connection stays usable and memory stays bounded.
struct LineFramer: ByteToMessageDecoder {
    typealias InboundOut = InboundLine

    let maxLineBytes: Int
    var discarding = false
    /// Bytes at the front of the buffer already known to hold no newline, so a megabyte line that
    /// arrives in many reads is scanned once, not once per read.
    var scanned = 0

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let unseen = view.index(view.startIndex, offsetBy: min(scanned, view.count))
        if let newline = view[unseen...].firstIndex(of: 0x0A) {
            scanned = 0
            let length = newline - view.startIndex
            if discarding {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discarding = false
                return .continue
            }
            if length > maxLineBytes {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(wrapInboundOut(.tooLong))
                return .continue
            }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if line.readableBytes > 0, line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == 0x0D {
                line.moveWriterIndex(to: line.writerIndex - 1)
            }
            context.fireChannelRead(wrapInboundOut(.line(line)))
            return .continue
        }
        scanned = buffer.readableBytes
        if buffer.readableBytes > maxLineBytes {
            if !discarding {
                discarding = true
                context.fireChannelRead(wrapInboundOut(.tooLong))
            }
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            scanned = 0
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last request without its newline still gets its answer.
        if buffer.readableBytes > 0, !discarding {
            let line = buffer.readSlice(length: buffer.readableBytes)!
            context.fireChannelRead(wrapInboundOut(.line(line)))
        }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }
}
