import Awards
import Foundation
import HummingbirdBcrypt

/// The example data `civic demo` starts with: the public record, the synthetic 2025 and 2026
/// cycles run to their winners (many communities nominated in both) with case studies of its communities in the library, and a small synthetic 2027 cycle with nominations open, to be walked to its
/// winner through the workspaces with the demo accounts.
public enum DemoPlatform {
    /// A demo account, as printed at start-up.
    public struct DemoAccount: Sendable {
        public var username: String
        public var password: String
        public var role: Role
        /// The TOTP secret, for roles that need a second factor.
        public var totpSecret: String?
        /// What the account acts as: an analyst, a juror or a nomination.
        public var subject: String?
    }

    /// The year of the cycle to walk through.
    public static let walkthroughYear = 2027

    /// The small cycle to walk through: five nominations (the first still a draft for its
    /// community to submit), one analyst who scores every nomination, one juror. With
    /// `deadlinesFrom`, every phase starts that day and those that take submissions are due
    /// in Asia/Bangkok a few days apart (see `walkthroughSchedule`), so that the demo sends
    /// reminders at once.
    public static func walkthroughCycle(deadlinesFrom start: Date? = nil) -> DemoCycle {
        var demo = DemoCycle(year: walkthroughYear, nominations: 5, analysts: 1, jurors: 1, seed: 2027)
        demo.cycle.rules.analystsPerNomination = 1
        demo.cycle.rules.analystLoad = 10
        demo.cycle.rules.smart21Size = 4
        demo.cycle.rules.top7Size = 3
        demo.cycle.rules.sameCountryConflict = false
        demo.cycle.rules.equalJurorGroups = false
        // Ids apart from the 2026 cycle's people, and a panel of one, so that every nomination
        // goes to the demo analyst.
        demo.analysts = demo.analysts.map { analyst in
            var a = analyst
            a.id = "A-101"
            a.load = 10
            a.conflicts = []
            return a
        }
        demo.jurors = demo.jurors.map { JuryMember(id: "J-101", name: $0.name, group: $0.group) }
        demo.cycle.panel = demo.analysts.map(\.id)
        demo.nominations[0].state = .draft
        if let start {
            demo.cycle.timeZone = "Asia/Bangkok"
            demo.cycle.schedule = walkthroughSchedule(from: start, in: demo.cycle.zone)
        }
        return demo
    }

    /// Days from the start to each submission phase's due time: the nominations' falls within
    /// a week, so that the 7-day reminder goes as soon as the demo runs, and the others leave
    /// time to walk the cycle.
    static let walkthroughDueDays: [Phase: Int] = [.nominationsOpen: 3, .smart21Scoring: 10, .top7Scoring: 17, .juryVote: 24]

    /// Every phase starting on the day of `start` in `zone`, the submission phases due at the
    /// end of the day `walkthroughDueDays` later.
    static func walkthroughSchedule(from start: Date, in zone: TimeZone) -> [Cycle.PhaseStart] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func day(_ offset: Int) -> String {
            let date = calendar.date(byAdding: .day, value: offset, to: start) ?? start
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
            return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
        }
        return Phase.allCases.filter { $0 != .setup }.map { phase in
            Cycle.PhaseStart(phase: phase, starts: day(0), due: walkthroughDueDays[phase].map(day))
        }
    }

    /// Loads the record, the 2026 cycle to its winner, the 2027 walkthrough cycle and one
    /// account per role, already enrolled in their second factor so that the demo can print
    /// their secrets; returns the accounts with their passwords and base32 TOTP secrets.
    ///
    /// - Parameters:
    ///   - communities: richer records of the record's communities (coordinates, kind), saved
    ///     over the bare ones the record gives; none by default.
    ///   - published: the cycle run to its winner; the full-size 2026 demo by default, its
    ///     shortlists named with robustness figures as the organiser's page names them.
    ///   - earlier: how many of its communities were nominated the year before, in a cycle also
    ///     run to its winner, so that the Intelligent Community Index has two years.
    ///   - deadlinesFrom: when given, the walkthrough cycle's phases start that day and have due
    ///     times soon after it (`walkthroughCycle(deadlinesFrom:)`); none by default, so that
    ///     tests with a clock of their own never find a deadline passed.
    public static func load(
        into store: any PlatformStore, record: [Recognition], communities: [Community] = [], published: DemoCycle = DemoCycle().recordingRobustness(ShortlistRobustness.namingSamples),
        earlier: Int = 250, bcryptCost: UInt8 = 12, deadlinesFrom: Date? = nil
    ) async throws -> [DemoAccount] {
        let programme = Programme(store: store, actor: "system")
        try await programme.importRecord(record)
        try await programme.saveCommunities(communities)
        if earlier > 0 {
            let year = published.cycle.year - 1
            try await DemoCycle.earlier(year: year, from: published, nominations: earlier, seed: UInt64(year)).run(programme: programme)
        }
        try await published.run(programme: programme)
        for caseStudy in DemoLibrary.caseStudies(from: published) { try await store.saveCaseStudy(caseStudy, by: "system") }
        let walk = walkthroughCycle(deadlinesFrom: deadlinesFrom)
        try await programme.createCycle(walk.cycle)
        try await programme.saveNominations(walk.nominations, cycle: walk.cycle.year)
        try await programme.saveAnalysts(walk.analysts)
        let accounts = [
            DemoAccount(username: "admin", password: "demo-admin", role: .admin, totpSecret: Secrets.totpSecret(), subject: nil),
            DemoAccount(username: "analyst", password: "demo-analyst", role: .analyst, totpSecret: Secrets.totpSecret(), subject: walk.analysts[0].id),
            DemoAccount(username: "juror", password: "demo-juror", role: .juror, totpSecret: Secrets.totpSecret(), subject: walk.jurors[0].id),
            DemoAccount(username: "community", password: "demo-community", role: .community, totpSecret: nil, subject: walk.nominations[0].communityID),
        ]
        for demo in accounts {
            let name = switch demo.role {
            case .admin: "Demo organiser"
            case .analyst: walk.analysts[0].name
            case .juror: walk.jurors[0].name
            case .community: walk.nominations[0].community
            }
            try await store.saveAccount(
                Account(
                    id: demo.username, name: name, role: demo.role, passwordHash: Bcrypt.hash(demo.password, cost: bcryptCost), totpSecret: demo.totpSecret,
                    secondFactorConfirmed: demo.totpSecret != nil, subject: demo.subject),
                by: "system")
        }
        return accounts
    }
}
