import NIOCore

/// A relay's reply: its three-digit code and the text of every line.
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    /// The reply as the relay wrote it, lines joined by " / ", for the outbox's record.
    var description: String { lines.joined(separator: " / ") }
}

/// Why a message could not be handed to the relay: the relay's reply, or what went wrong before
/// it answered. A permanent failure (a 5xx reply) will not go better by trying again.
struct SMTPFailure: Error, Sendable, CustomStringConvertible {
    var description: String
    var permanent: Bool

    /// A reply that was not the one the dialogue needed.
    init(_ reply: SMTPReply, after command: String) {
        description = "\(command): \(reply)"
        permanent = (500...599).contains(reply.code)
    }

    init(_ description: String, permanent: Bool = false) {
        self.description = description
        self.permanent = permanent
    }

    /// The relay sent nothing for `wait`: one read ran out of time.
    static func silent(for wait: Duration) -> SMTPFailure {
        SMTPFailure("the relay did not answer in time (nothing for \(seconds(wait)))")
    }

    /// The whole conversation went on past `deadline`, however often the relay answered.
    static func overran(_ deadline: Duration) -> SMTPFailure {
        SMTPFailure("the relay did not answer in time (the conversation went on past \(seconds(deadline)))")
    }

    /// A duration in seconds as the outbox records it: "30 s", "0.5 s".
    private static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        if fraction == 0 { return "\(whole) s" }
        return "\(Double(whole) + Double(fraction) / 1e18) s"
    }
}

/// Splits what the relay sends into lines, without their CRLF (or a bare LF). A line that goes
/// on past `longest` bytes is refused, so a hostile relay cannot fill the memory.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    static let longest = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longest { throw SMTPFailure("the relay sent a line longer than \(Self.longest) bytes") }
            return .needMoreData
        }
        let bytes = buffer.readBytes(length: newline - buffer.readerIndex + 1) ?? []
        var line = String(decoding: bytes.dropLast(), as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Turns the idle-read event of `IdleStateHandler` into `SMTPFailure.silent` and closes the
/// connection: every read of the dialogue is bounded.
final class SMTPReadTimeout: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    /// How long a read may wait; named in the failure.
    let wait: Duration

    init(wait: Duration) { self.wait = wait }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.fireErrorCaught(SMTPFailure.silent(for: wait))
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
