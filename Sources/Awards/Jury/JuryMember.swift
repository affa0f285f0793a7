/// A juror the organisers named to a cycle's jury, with the group they vote in.
///
/// Only the jury's ballots are accepted and counted, and a ballot's group is always its juror's
/// group here, never one the ballot names for itself.
public struct JuryMember: Sendable, Codable, Equatable {
    /// The juror's id: the subject of their juror account, and the `juror` of their ballot.
    public var id: String
    /// The juror's name for people.
    public var name: String
    /// The juror's group (e.g. "industry", "academia"), if the cycle groups its jurors.
    public var group: String?

    /// Creates a jury member; a blank group means none.
    public init(id: String, name: String, group: String? = nil) {
        self.id = id
        self.name = name
        self.group = group.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }
}

extension Cycle {
    /// The jury member `juror`, or nil when the juror is not on the cycle's jury.
    public func juryMember(_ juror: String) -> JuryMember? {
        jury.first { $0.id == juror }
    }

    /// The ballot as it is counted: refused unless its juror is on the jury, and given the
    /// juror's group from the jury; a ballot naming another group is refused.
    public func admit(_ ballot: Ballot) throws(AwardsError) -> Ballot {
        guard let member = juryMember(ballot.juror) else {
            let hint = jury.isEmpty ? "the \(year) cycle names no jury yet" : "the \(year) jury is \(jury.map(\.id).joined(separator: ", "))"
            throw AwardsError(.notPermitted, "juror '\(ballot.juror)' is not on the \(year) jury, so their ballot cannot be cast; \(hint)", field: "juror")
        }
        if let group = ballot.group, group != member.group {
            throw AwardsError(
                .invalidBallot, "juror '\(ballot.juror)' votes in the group \(member.group.map { "'\($0)'" } ?? "none") set by the organisers; a ballot cannot name its own group",
                field: "group")
        }
        var admitted = ballot
        admitted.group = member.group
        return admitted
    }

    /// The ballots to count: those of jury members, each with its juror's group from the jury.
    /// Ballots of anyone else are left out, whatever let them be stored.
    public func juryBallots(_ ballots: [Ballot]) -> [Ballot] {
        ballots.compactMap { ballot in
            juryMember(ballot.juror).map { member in
                var counted = ballot
                counted.group = member.group
                return counted
            }
        }
    }

    /// Checks the jury: every member has an id, none twice, and each has a group when groups
    /// weigh equally.
    func validateJury() throws(AwardsError) {
        var ids: Set<String> = []
        for (i, member) in jury.enumerated() {
            guard !member.id.allSatisfy(\.isWhitespace) else {
                throw AwardsError(.invalidValue, "a jury member needs a juror id", field: "jury[\(i)].id")
            }
            guard ids.insert(member.id).inserted else {
                throw AwardsError(.duplicate, "the juror '\(member.id)' is on the jury twice", field: "jury[\(i)].id")
            }
            if rules.equalJurorGroups, member.group == nil {
                throw AwardsError(.invalidValue, "juror '\(member.id)' needs a group, since each group of jurors counts equally", field: "jury[\(i)].group")
            }
        }
    }
}
