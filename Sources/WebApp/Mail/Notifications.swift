import Awards
import Foundation
import Logging

/// The events of the programme that write to people, each message in its recipient's language
/// and queued in the outbox under a dedupe key naming the event and the person.
///
/// The programme's actions and the outbox are separate transactions: an action is done first, and
/// its messages are queued just after (`afterAction`). A failure to queue never undoes or fails
/// the action — the organiser's work stands and the error is logged — and because queueing is
/// idempotent by dedupe key, doing the action again (a phase may be set again to the phase it is
/// in) queues whatever is missing and nothing twice, so a crash between the two loses nothing
/// that cannot be recovered in one click.
///
/// Only active accounts with an address are written to; an account's address is read when the
/// message is queued.
public struct Notifications: Sendable {
    let store: any PlatformStore
    /// Where the links in messages lead (`https://awards.example.org`), without a final slash.
    let links: String
    var texts: MailTexts = .shipped
    var clock: @Sendable () -> Date = Date.init
    static let logger = Logger(label: "civic.mail")

    /// The events of `store`, their messages' links leading to `links`, at the times `clock` gives.
    public init(store: any PlatformStore, links: String, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.links = links
        self.clock = clock
    }

    /// Queues the messages of `phase` opening in the cycle of `year`: to community accounts when
    /// nominations open, to the panel's analysts when a scoring round opens, to the jury's
    /// jurors when the vote opens. Other phases write to nobody. Returns how many were new.
    @discardableResult
    public func phaseOpened(_ phase: Phase, cycle year: Int) async throws(AwardsError) -> Int {
        let cycle = try await store.cycle(year)
        let accounts = try await reachable()
        let recipients: [Account]
        switch phase {
        case .nominationsOpen:
            recipients = accounts.filter { $0.role == .community }
        case .smart21Scoring, .top7Scoring:
            recipients = accounts.filter { $0.role == .analyst && (cycle.panel?.contains($0.subject ?? "") ?? true) }
        case .juryVote:
            recipients = accounts.filter { $0.role == .juror && cycle.juryMember($0.subject ?? "") != nil }
        default:
            return 0
        }
        return try await store.queue(
            recipients.map { account in
                message(
                    to: account, kind: "phase-open", text: "phase-open.\(phase.rawValue)", values: ["year": "\(year)", "link": links + "/workspace"],
                    dedupeKey: "phase-open/\(year)/\(phase.rawValue)/\(account.id)")
            }, at: clock())
    }

    /// Queues to each analyst the nominations assigned to them in `round` of the cycle of `year`.
    /// The key names the set assigned, so a new assignment that changes an analyst's nominations
    /// writes to them again, and one that changes nothing does not.
    @discardableResult
    public func workAssigned(round: Int, cycle year: Int) async throws(AwardsError) -> Int {
        let assignments = try await store.assignments(cycle: year, round: round)
        let names = Dictionary(try await store.nominations(cycle: year).map { ($0.id, $0.community) }, uniquingKeysWith: { a, _ in a })
        let byAnalyst = Dictionary(grouping: assignments, by: \.analyst)
        let messages = try await reachable().filter { $0.role == .analyst }.compactMap { account -> MailMessage? in
            guard let assigned = byAnalyst[account.subject ?? ""]?.map(\.nomination).sorted(), !assigned.isEmpty else { return nil }
            let list = assigned.map { "- \(names[$0] ?? $0) (\($0))" }.joined(separator: "\n")
            return message(
                to: account, kind: "assignment", text: "assignment",
                values: ["year": "\(year)", "round": "\(round)", "count": "\(assigned.count)", "list": list, "link": links + "/workspace"],
                dedupeKey: "assignment/\(year)/\(round)/\(account.id)/\(Secrets.digest(assigned.joined(separator: "\n")).prefix(16))")
        }
        return try await store.queue(messages, at: clock())
    }

    /// Queues the news of the published results of `year` to every account tied to the cycle:
    /// the communities nominated, the analysts assigned in either round, the jury's jurors.
    @discardableResult
    public func resultsPublished(cycle year: Int) async throws(AwardsError) -> Int {
        guard let publication = try await store.publication(cycle: year) else { return 0 }
        let cycle = try await store.cycle(year)
        let nominations = try await store.nominations(cycle: year)
        let communities = Set(nominations.map(\.communityID))
        let analysts = Set(try await store.assignments(cycle: year, round: 1).map(\.analyst) + store.assignments(cycle: year, round: 2).map(\.analyst))
        let winner = nominations.first { $0.id == publication.winner }?.community ?? publication.winner
        let recipients = try await reachable().filter { account in
            let subject = account.subject ?? ""
            switch account.role {
            case .community: return communities.contains(subject)
            case .analyst: return analysts.contains(subject)
            case .juror: return cycle.juryMember(subject) != nil
            case .admin: return false
            }
        }
        return try await store.queue(
            recipients.map { account in
                message(
                    to: account, kind: "results", text: "results", values: ["year": "\(year)", "winner": winner, "link": links + "/cycles/\(year)"],
                    dedupeKey: "results/\(year)/\(account.id)")
            }, at: clock())
    }

    /// Runs `queueing` after an action that has been done: the action's outcome stands whatever
    /// happens here, so a failure is logged, not thrown (see the type's notes).
    public func afterAction(_ action: String, _ queueing: (Notifications) async throws(AwardsError) -> Int) async {
        do {
            let queued = try await queueing(self)
            if queued > 0 { Self.logger.info("Queued messages", metadata: ["action": "\(action)", "messages": "\(queued)"]) }
        } catch {
            Self.logger.error("The messages of an action could not be queued; doing the action again queues them", metadata: ["action": "\(action)", "error": "\(error)"])
        }
    }

    /// The active accounts with an address.
    func reachable() async throws(AwardsError) -> [Account] {
        try await store.accounts().filter { !$0.disabled && $0.email != nil }
    }

    /// A message to `account` in its language: greeting, the text `text` (its `.subject` and
    /// `.body`), closing and the footer saying why it came.
    func message(to account: Account, kind: String, text: String, values: [String: String], dedupeKey: String) -> MailMessage {
        let language = account.language ?? .en
        let body = [
            texts.text("greeting", language, ["name": account.name]), texts.text("\(text).body", language, values),
            texts.text("closing", language), "-- \n" + texts.text("footer", language, ["account": account.id]),
        ].joined(separator: "\n\n")
        // A line break in a value (a community's name, say) would make the subject two lines: it
        // becomes a space, and the subject stays one header.
        let subject = String(String.UnicodeScalarView(texts.text("\(text).subject", language, values).unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        return MailMessage(recipient: account.email ?? "", language: language, kind: kind, subject: subject, body: body, dedupeKey: dedupeKey)
    }
}
