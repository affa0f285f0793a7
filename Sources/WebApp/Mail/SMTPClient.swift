import Foundation
import NIOCore
import NIOPosix

/// A small SMTP client (RFC 5321) on SwiftNIO: one connection per message, `EHLO`, `AUTH PLAIN`
/// when the relay wants credentials, `MAIL FROM`, `RCPT TO`, `DATA`, `QUIT`.
///
/// Every read waits at most `readTimeout`, and the whole conversation at most `deadline`, so a
/// relay that stops answering cannot hold a message's claim past its lease. `send` returns only
/// once the relay has answered 250 to the end of the data: then, and only then, the relay has
/// taken responsibility for the message.
struct SMTPClient: Sendable {
    var relay: MailRelay
    /// The name the client gives itself in `EHLO`.
    var hostname: String
    var connectTimeout: Duration = .seconds(10)
    var readTimeout: Duration = .seconds(30)
    var deadline: Duration = .seconds(120)

    /// Hands `message` (the text `MailComposition` makes, CRLF line endings) to the relay, from
    /// the envelope sender `from` to `to`.
    func send(_ message: String, from: String, to: String) async throws(SMTPFailure) {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.converse(message, from: from, to: to) }
                group.addTask {
                    try await Task.sleep(for: self.deadline)
                    throw SMTPFailure.overran(self.deadline)
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch let failure as SMTPFailure {
            throw failure
        } catch {
            throw SMTPFailure("the relay \(relay) could not be reached or dropped the connection (\(error))")
        }
    }

    private func converse(_ message: String, from: String, to: String) async throws {
        let wait = readTimeout, readTimeout = Self.timeAmount(readTimeout)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(Self.timeAmount(connectTimeout))
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        IdleStateHandler(readTimeout: readTimeout), SMTPReadTimeout(wait: wait), ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            func reply() async throws -> SMTPReply {
                var lines: [String] = []
                while let line = try await replies.next() {
                    let code = Int(line.prefix(3))
                    guard let code, line.count == 3 || [" ", "-"].contains(line.dropFirst(3).first) else {
                        throw SMTPFailure("the relay answered something that is not SMTP: \(line.prefix(200))")
                    }
                    lines.append(line)
                    if line.count == 3 || line.dropFirst(3).first == " " { return SMTPReply(code: code, lines: lines) }
                }
                throw SMTPFailure("the relay closed the connection")
            }
            /// Sends `command` (nil: none, just read) and requires a reply in `expected`.
            func step(_ command: String?, shown: String? = nil, expect expected: ClosedRange<Int>) async throws -> SMTPReply {
                if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                let answer = try await reply()
                guard expected.contains(answer.code) else { throw SMTPFailure(answer, after: shown ?? command ?? "greeting") }
                return answer
            }

            _ = try await step(nil, expect: 220...220)
            let hello = try await step("EHLO \(hostname)", expect: 250...250)
            if let user = relay.user {
                let advertised = hello.lines.contains { $0.dropFirst(4).uppercased().hasPrefix("AUTH") }
                guard advertised else { throw SMTPFailure("the relay offers no AUTH, but the SMTP URL gives credentials", permanent: true) }
                let plain = Data(("\0" + user + "\0" + (relay.password ?? "")).utf8).base64EncodedString()
                _ = try await step("AUTH PLAIN \(plain)", shown: "AUTH PLAIN", expect: 235...235)
            }
            _ = try await step("MAIL FROM:<\(from)>", expect: 250...250)
            _ = try await step("RCPT TO:<\(to)>", expect: 250...251)
            _ = try await step("DATA", expect: 354...354)
            _ = try await step(Self.dotStuffed(message) + "\r\n.", shown: "end of data", expect: 250...250)
            // The message is the relay's now; a failed goodbye changes nothing.
            _ = try? await step("QUIT", expect: 221...221)
        }
    }

    /// The message as `DATA` carries it: every line that starts with a dot gets one more
    /// (RFC 5321 §4.5.2), so no line of the message can end the data early, and every line
    /// ends in CRLF, whatever line ending it came with.
    static func dotStuffed(_ message: String) -> String {
        message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
    }

    /// A duration as NIO counts time.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
