/// A juror's ranked ballot over the candidates.
///
/// Rank 1 is the most preferred; equal ranks are ties and gaps between ranks carry no meaning.
/// A ballot may be partial: the candidates it leaves unranked come below every ranked one and are
/// tied among themselves.
public struct Ballot: Sendable, Equatable, Codable {
    /// One candidate's place on a ballot.
    public struct Entry: Sendable, Equatable, Codable {
        /// The candidate's id.
        public var candidate: String
        /// The rank given to the candidate (1 = most preferred).
        public var rank: Int

        /// Creates an entry.
        public init(candidate: String, rank: Int) {
            self.candidate = candidate
            self.rank = rank
        }
    }

    /// The juror's id.
    public var juror: String
    /// The juror's group (e.g. "industry", "academia"), if any.
    public var group: String?
    /// The ranked candidates, in no particular order.
    public var entries: [Entry]

    /// Creates a ballot from its entries.
    public init(juror: String, group: String? = nil, entries: [Entry]) {
        self.juror = juror
        self.group = group
        self.entries = entries
    }

    /// Creates a ballot from its preference levels, most preferred first; the candidates of one level are tied.
    public init(juror: String, group: String? = nil, levels: [[String]]) {
        let entries = levels.enumerated().flatMap { level, candidates in
            candidates.map { Entry(candidate: $0, rank: level + 1) }
        }
        self.init(juror: juror, group: group, entries: entries)
    }

    /// Creates a ballot ranking `order` strictly, most preferred first.
    public init(juror: String, group: String? = nil, order: [String]) {
        self.init(juror: juror, group: group, levels: order.map { [$0] })
    }

    /// The rank given to `candidate`, or nil when the ballot leaves it unranked.
    public func rank(of candidate: String) -> Int? {
        entries.first { $0.candidate == candidate }?.rank
    }

    /// Checks the ballot against the candidates of a vote, naming the juror and the problem.
    public func validate(candidates: Set<String>) throws(AwardsError) {
        guard !juror.isEmpty else {
            throw AwardsError(.invalidBallot, "a ballot has no juror id")
        }
        guard !entries.isEmpty else {
            throw AwardsError(.invalidBallot, "juror '\(juror)' ranks no candidate")
        }
        var seen: Set<String> = []
        for entry in entries {
            guard candidates.contains(entry.candidate) else {
                throw AwardsError(.invalidBallot, "juror '\(juror)' ranks '\(entry.candidate)', who is not a candidate")
            }
            guard seen.insert(entry.candidate).inserted else {
                throw AwardsError(.invalidBallot, "juror '\(juror)' ranks '\(entry.candidate)' twice")
            }
            guard entry.rank >= 1 else {
                throw AwardsError(.invalidBallot, "juror '\(juror)' gives '\(entry.candidate)' the rank \(entry.rank); ranks start at 1")
            }
        }
    }
}
