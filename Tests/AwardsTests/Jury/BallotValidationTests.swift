import Testing
@testable import Awards

extension JuryTests {
    @Suite("ballot validation")
    struct BallotValidationTests {
        static let candidates: Set<String> = ["A", "B", "C"]

        @Test("a ballot naming someone who is not a candidate is rejected, naming the juror")
        func unknownCandidate() {
            #expect(throws: AwardsError(.invalidBallot, "juror 'j1' ranks 'Z', who is not a candidate")) {
                try Ballot(juror: "j1", order: ["A", "Z"]).validate(candidates: Self.candidates)
            }
        }

        @Test("a ballot ranking a candidate twice is rejected")
        func rankedTwice() {
            let ballot = Ballot(juror: "j1", entries: [.init(candidate: "A", rank: 1), .init(candidate: "B", rank: 2), .init(candidate: "A", rank: 3)])
            #expect(throws: AwardsError(.invalidBallot, "juror 'j1' ranks 'A' twice")) {
                try ballot.validate(candidates: Self.candidates)
            }
            #expect(throws: AwardsError(.invalidBallot, "juror 'j2' ranks 'B' twice")) {
                try Ballot(juror: "j2", levels: [["B"], ["A", "B"]]).validate(candidates: Self.candidates)
            }
        }

        @Test("a ballot with a rank below 1 is rejected", arguments: [0, -1])
        func nonPositiveRank(rank: Int) {
            let ballot = Ballot(juror: "j1", entries: [.init(candidate: "A", rank: 1), .init(candidate: "C", rank: rank)])
            #expect(throws: AwardsError(.invalidBallot, "juror 'j1' gives 'C' the rank \(rank); ranks start at 1")) {
                try ballot.validate(candidates: Self.candidates)
            }
        }

        @Test("an empty ballot is rejected")
        func emptyBallot() {
            #expect(throws: AwardsError(.invalidBallot, "juror 'j1' ranks no candidate")) {
                try Ballot(juror: "j1", entries: []).validate(candidates: Self.candidates)
            }
        }

        @Test("a ballot without a juror id is rejected")
        func noJuror() {
            #expect(throws: AwardsError(.invalidBallot, "a ballot has no juror id")) {
                try Ballot(juror: "", order: ["A"]).validate(candidates: Self.candidates)
            }
        }

        @Test("a count rejects the first invalid ballot, naming its juror", arguments: VoteCount.Method.allCases)
        func countRejects(method: VoteCount.Method) {
            let ballots = [JuryKit.ballot("j1", "A>B"), JuryKit.ballot("j2", "B>D")]
            #expect(throws: AwardsError(.invalidBallot, "juror 'j2' ranks 'D', who is not a candidate")) {
                try JuryKit.count(method, ballots, ["A", "B", "C"])
            }
        }

        @Test("a juror casts one ballot")
        func duplicateJuror() {
            let ballots = [JuryKit.ballot("j1", "A>B"), JuryKit.ballot("j1", "B>A")]
            #expect(throws: AwardsError(.duplicate, "juror 'j1' cast more than one ballot")) {
                try PairwiseMatrix(ballots: ballots, candidates: ["A", "B"])
            }
        }

        @Test("a count needs candidates, each listed once, and ballots")
        func countInputs() {
            let ballots = [JuryKit.ballot("j1", "A>B")]
            #expect(throws: AwardsError(.invalidValue, "there are no candidates to count")) {
                try JuryKit.count(.schulze, ballots, [])
            }
            #expect(throws: AwardsError(.duplicate, "candidate 'A' is listed twice")) {
                try JuryKit.count(.schulze, ballots, ["A", "B", "A"])
            }
            #expect(throws: AwardsError(.invalidValue, "there are no ballots to count")) {
                try JuryKit.count(.schulze, [], ["A", "B"])
            }
        }
    }
}
