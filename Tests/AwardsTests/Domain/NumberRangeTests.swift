import Foundation
import IndexEngine
import Testing
@testable import Awards

/// Every number a community or an analyst gives is held to a declared range: a quantitative
/// question's `min`…`max`, the cycle's rubric scale, a confidence of 1 to 5.
@Suite("Number ranges: questions, nominations, reviews, settings")
struct NumberRangeTests {
    static let extremes: [Double] = [1e300, -1e300, 1e16, -1e16, .greatestFiniteMagnitude, 100.5, -0.5]

    // MARK: Nominations

    @Test("an answer outside its question's range is refused, naming the question and the range", arguments: extremes)
    func outOfRange(_ value: Double) throws {
        var answers = DomainKit.completeAnswers
        answers["C1"] = .number(value)
        let problems = DomainKit.nomination(answers).problems(against: DomainKit.questions)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.kind == .invalidValue)
        #expect(problem.field == "C1")
        #expect(problem.message.hasPrefix("the answer must lie between 0 and 100 %, not "), "\(problem.message)")
    }

    @Test("a draft or withdrawn nomination is held to the ranges too, and only to them", arguments: extremes + [.nan, .infinity, -.infinity])
    func draftNumbers(_ value: Double) {
        let draft = DomainKit.nomination(["C1": .number(value)])
        #expect(draft.numberProblems(against: DomainKit.questions).map(\.field) == ["C1"])
        #expect(DomainKit.nomination(["C1": .number(50)]).numberProblems(against: DomainKit.questions).isEmpty, "an incomplete draft is fine")
        // A number to a narrative or unknown question (which a draft may hold) is still finite and bounded.
        let stray = DomainKit.nomination(["C2": .number(value), "Z9": .number(value)])
        let expected = value.isFinite && abs(value) <= Question.largestMagnitude ? [String]() : ["C2", "Z9"]
        #expect(stray.numberProblems(against: DomainKit.questions).map(\.field) == expected)
    }

    @Test("round-2 data points are held to their ranges when round 1 is checked")
    func otherRound() {
        var questions = DomainKit.questions
        questions.append(Question(id: "T2", factor: "Innovate", text: "Start-ups per 1,000 residents", kind: .quantitative(indicator: "startups", unit: "", direction: 1), round: 2, min: 0, max: 1000))
        var answers = DomainKit.completeAnswers
        answers["T2"] = .number(1e300)
        let problems = DomainKit.nomination(answers).problems(against: questions)
        #expect(problems.map(\.field) == ["T2"])
        #expect(problems.first?.message == "the answer must lie between 0 and 1000, not 1e+300")
    }

    @Test("a question stored without a range (an older cycle) holds answers to ±10^15")
    func undeclared() throws {
        let old = Question(id: "Q", factor: "Connect", text: "q", kind: .quantitative(indicator: "q", unit: "", direction: 1))
        #expect(old.accepted == -1e15...1e15)
        #expect(old.problem(with: 123_456_789_012) == nil)
        #expect(old.problem(with: -1e15) == nil)
        #expect(old.problem(with: 1.5e15)?.field == "Q")
        #expect(old.problem(with: 1e300)?.message == "the answer must lie between -1000000000000000 and 1000000000000000, not 1e+300")
        #expect(old.problem(with: .nan)?.message == "the answer must be a finite number")
    }

    @Test("tiny and negative-zero answers are in range; -0 is read from JSON as 0")
    func tiny() throws {
        var answers = DomainKit.completeAnswers
        answers["C1"] = .number(1e-320)
        answers["W2"] = .number(-0.0)
        #expect(DomainKit.nomination(answers).problems(against: DomainKit.questions).isEmpty)
        let decoded = try JSONDecoder().decode(Nomination.Answer.self, from: Data("-0".utf8))
        guard case let .number(n) = decoded else { Issue.record("not a number"); return }
        #expect(n == 0 && n.sign == .plus)
    }

    @Test("the CSV import refuses an out-of-range or non-finite cell, naming the row and the question",
          arguments: ["1e300", "-1e300", "NaN", "nan", "Infinity", "-inf", "101", "-1", "1e16"])
    func csv(_ cell: String) throws {
        let cycle = DomainKit.cycle(in: .nominationsOpen)
        let table = try CSVTable.parse("id,community,country,region,year,C1\nN-1,A,B,C,2026,50\nN-2,A,B,C,2026,\(cell)\n", name: "nominations.csv")
        let error = #expect(throws: AwardsError.self) { try NominationTable.parse(table, cycle: cycle) }
        #expect(error?.row == 3)
        #expect(error?.field == "C1")
        #expect(error?.file == "nominations.csv")
        #expect(error?.kind == .invalidValue)
    }

    @Test("the CSV import keeps -0 as 0 and accepts the range's ends")
    func csvEdges() throws {
        let cycle = DomainKit.cycle(in: .nominationsOpen)
        let table = try CSVTable.parse("id,community,country,region,year,C1,W2\nN-1,A,B,C,2026,-0,100\nN-2,A,B,C,2026,0,1e-320\n", name: "n.csv")
        let nominations = try NominationTable.parse(table, cycle: cycle)
        guard case let .number(zero)? = nominations[0].answers["C1"] else { Issue.record("no answer"); return }
        #expect(zero == 0 && zero.sign == .plus)
        #expect(nominations[0].answers["W2"] == .number(100))
    }

    // MARK: Reviews

    @Test("a draft's scores lie on the scale and its confidences are 1 to 5 or not chosen yet (0)")
    func drafts() {
        let cycle = DomainKit.cycle(in: .smart21Scoring)
        for score in [1e300, -1e300, .nan, .infinity, 0, 10.5] {
            let draft = DomainKit.review(["Connect": .init(score: score, comment: "", confidence: 0)])
            #expect(draft.draftProblems(in: cycle).map(\.field) == ["Connect"], "\(score)")
        }
        for confidence in [-1, 6, 99, .max] {
            let draft = DomainKit.review(["Work": .init(score: 5, comment: "", confidence: confidence)])
            #expect(draft.draftProblems(in: cycle).map(\.field) == ["Work.confidence"], "\(confidence)")
        }
        #expect(DomainKit.review(["Work": .init(score: 5, comment: "", confidence: 0)]).draftProblems(in: cycle).isEmpty)
        #expect(DomainKit.review(["Bogus": .init(score: 5, comment: "", confidence: 3)]).draftProblems(in: cycle).map(\.field) == ["Bogus"])
        #expect(DomainKit.review([:]).draftProblems(in: cycle).isEmpty)
    }

    // MARK: Settings

    static func cycle(_ change: (inout Question) -> Void) -> AwardsError? {
        var cycle = CycleTests.validCycle()
        change(&cycle.questions[0])
        return CycleTests.failure(cycle)
    }

    @Test("new settings declare a range for every quantitative question, and only for those")
    func settings() throws {
        #expect(Self.cycle { _ in } == nil)
        let missing = try #require(Self.cycle { $0.max = nil })
        #expect(missing.field == "questions[0].max" && missing.message.contains("'C1'") && missing.message.contains("range"))
        #expect(Self.cycle { $0.min = nil }?.field == "questions[0].min")
        for (low, high) in [(100.0, 0.0), (5, 5), (.nan, 1), (0, .infinity), (-1e300, 0), (0, 1e16)] {
            let error = Self.cycle {
                $0.min = low
                $0.max = high
            }
            #expect(error?.kind == .invalidValue, "\(low)…\(high)")
            #expect(error?.field?.hasPrefix("questions[0].") == true, "\(low)…\(high)")
        }
        var narrative = CycleTests.validCycle()
        narrative.questions[1].max = 10
        #expect(CycleTests.failure(narrative)?.field == "questions[1].min")
        var scale = CycleTests.validCycle()
        scale.rules.scaleHigh = 1e300
        #expect(CycleTests.failure(scale)?.field == "rules.scaleLow")
    }

    @Test("a cycle stored before questions had ranges still reads; its ranges are absent")
    func oldCycle() throws {
        let old = #"{"id":"C1","factor":"Connect","text":"fibre","kind":{"quantitative":{"indicator":"c1","unit":"%","direction":1}},"round":1,"required":true}"#
        let question = try JSONDecoder().decode(Question.self, from: Data(old.utf8))
        #expect(question.min == nil && question.max == nil)
        #expect(question.isQuantitative)
        var withRange = question
        withRange.min = 0
        withRange.max = 100
        let again = try JSONDecoder().decode(Question.self, from: JSONEncoder().encode(withRange))
        #expect(again == withRange)
    }

    @Test("the demo questionnaire declares real ranges and its answers lie within them")
    func demo() {
        let demo = DemoCycle(nominations: 60, analysts: 6, jurors: 3)
        #expect(CycleTests.failure(demo.cycle) == nil)
        for question in demo.cycle.questions where question.isQuantitative {
            #expect(question.min == 0 && question.max == 100, "\(question.id)")
        }
        for nomination in demo.nominations {
            #expect(nomination.problems(against: demo.cycle.questions).isEmpty, "\(nomination.id)")
        }
    }
}
