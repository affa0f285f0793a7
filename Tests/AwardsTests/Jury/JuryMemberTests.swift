import Foundation
import Testing
@testable import Awards

/// The cycle's jury: who may vote, in which group, and cycles stored before juries existed.
@Suite("Jury members")
struct JuryMemberTests {
    static let jury = [JuryMember(id: "J-1", name: "Ada", group: "industry"), JuryMember(id: "J-2", name: "Ben", group: "academia")]
    static let cycle = Cycle(year: 2026, phase: .juryVote, jury: jury)

    @Test("a ballot from a juror not on the jury is refused, naming the juror and the jury")
    func outsider() {
        let error = DomainKit.error { () throws(AwardsError) in _ = try Self.cycle.admit(Ballot(juror: "J-9", order: ["N-1"])) }
        #expect(error?.kind == .notPermitted)
        #expect(error?.field == "juror")
        #expect(error?.message == "juror 'J-9' is not on the 2026 jury, so their ballot cannot be cast; the 2026 jury is J-1, J-2")
        let none = DomainKit.error { () throws(AwardsError) in _ = try Cycle(year: 2026).admit(Ballot(juror: "J-1", order: ["N-1"])) }
        #expect(none?.message.hasSuffix("the 2026 cycle names no jury yet") == true)
    }

    @Test("the group always comes from the jury; a ballot naming another group is refused")
    func group() throws {
        #expect(try Self.cycle.admit(Ballot(juror: "J-1", order: ["N-1"])).group == "industry")
        #expect(try Self.cycle.admit(Ballot(juror: "J-2", group: "academia", order: ["N-1"])).group == "academia")
        let error = DomainKit.error { () throws(AwardsError) in _ = try Self.cycle.admit(Ballot(juror: "J-2", group: "industry", order: ["N-1"])) }
        #expect(error?.kind == .invalidBallot)
        #expect(error?.field == "group")
    }

    @Test("only the jury's ballots are counted, with the jury's groups")
    func juryBallots() {
        let ballots = [
            Ballot(juror: "J-9", group: "industry", order: ["N-1"]), Ballot(juror: "J-2", group: "government", order: ["N-1"]),
            Ballot(juror: "J-1", order: ["N-1"]),
        ]
        let counted = Self.cycle.juryBallots(ballots)
        #expect(counted.map(\.juror) == ["J-2", "J-1"])
        #expect(counted.map(\.group) == ["academia", "industry"])
    }

    @Test("a jury is checked: ids present and unique, groups when groups weigh equally")
    func validation() {
        func problem(_ jury: [JuryMember], equalGroups: Bool = false) -> AwardsError? {
            var cycle = Cycle(year: 2026, jury: jury)
            cycle.rules.equalJurorGroups = equalGroups
            return DomainKit.error { () throws(AwardsError) in try cycle.validate() }
        }
        #expect(problem(Self.jury) == nil)
        #expect(problem(Self.jury, equalGroups: true) == nil)
        #expect(problem([JuryMember(id: " ", name: "X")])?.field == "jury[0].id")
        #expect(problem(Self.jury + [JuryMember(id: "J-1", name: "Again")])?.kind == .duplicate)
        #expect(problem(Self.jury + [JuryMember(id: "J-3", name: "Cy", group: "  ")], equalGroups: true)?.field == "jury[2].group")
        #expect(JuryMember(id: "J-3", name: "Cy", group: "").group == nil)
    }

    @Test("a cycle stored without a jury reads as having none; one with a jury keeps it")
    func codable() throws {
        var stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.cycle)) as? [String: Any] ?? [:]
        #expect((stored["jury"] as? [[String: Any]])?.count == 2)
        #expect(try JSONDecoder().decode(Cycle.self, from: JSONEncoder().encode(Self.cycle)) == Self.cycle)
        stored["jury"] = nil
        stored["panel"] = nil
        let legacy = try JSONDecoder().decode(Cycle.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(legacy.jury.isEmpty)
        #expect(legacy.panel == nil)
        #expect(legacy.year == 2026 && legacy.phase == .juryVote)
        // Settings written by hand: a jury member without a group.
        stored["jury"] = [["id": "J-7", "name": "Dee"]]
        #expect(try JSONDecoder().decode(Cycle.self, from: JSONSerialization.data(withJSONObject: stored)).jury == [JuryMember(id: "J-7", name: "Dee")])
    }

    @Test("the demo cycles name their jury, and every demo juror is on it")
    func demo() {
        let demo = DemoCycle(nominations: 12, analysts: 6, jurors: 3)
        #expect(demo.cycle.jury.map(\.id) == ["J-001", "J-002", "J-003"])
        #expect(demo.cycle.jury.map(\.group) == ["industry", "academia", "government"])
        #expect(demo.jurors == demo.cycle.jury)
    }
}
