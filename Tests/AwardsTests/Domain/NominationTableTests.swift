import IndexEngine
import Testing
@testable import Awards

@Suite("Nominations from CSV")
struct NominationTableTests {
    static let cycle = Cycle(year: 2026, questions: [
        Question(id: "C1", factor: "Connect", text: "fibre", kind: .quantitative(indicator: "c1", unit: "%", direction: 1)),
        Question(id: "N1", factor: "Connect", text: "story", kind: .narrative(rubric: "1–10")),
    ])

    static func parse(_ text: String) throws -> [Nomination] {
        try NominationTable.parse(try CSVTable.parse(text, name: "nominations.csv"), cycle: cycle)
    }

    @Test("rows become nominations with typed answers, state, opt-out and evidence")
    func reads() throws {
        let nominations = try Self.parse("""
            id,community,country,region,year,state,opt_out,evidence,C1,N1
            N-1,Espoo,Finland,Europe,2026,,no,https://a.example https://b.example,87.5,"We built a network, city-wide."
            N-2,Taoyuan,Taiwan,Asia,2025,draft,yes,,,
            """)
        #expect(nominations.count == 2)
        #expect(nominations[0].answers == ["C1": .number(87.5), "N1": .text("We built a network, city-wide.")])
        #expect(nominations[0].state == .submitted)
        #expect(nominations[0].evidence == ["https://a.example", "https://b.example"])
        #expect(nominations[1].state == .draft && nominations[1].optOut && nominations[1].answers.isEmpty)
    }

    @Test("bad cells are reported with their row and column")
    func errors() throws {
        let cases: [(String, Int, String)] = [
            ("id,community,country,region,year,C1\nN-1,A,B,C,2026,lots\n", 2, "C1"),
            ("id,community,country,region,year,Q9\nN-1,A,B,C,2026,1\n", 1, "Q9"),
            ("id,community,country,region,year\nN-1,A,B,C,next\n", 2, "year"),
            ("id,community,country,region,year,state\nN-1,A,B,C,2026,sent\n", 2, "state"),
            ("id,community,country,year\nN-1,A,B,2026\n", 1, "region"),
            ("id,community,country,region,year\n,A,B,C,2026\n", 2, "id"),
        ]
        for (text, row, field) in cases {
            let error = #expect(throws: AwardsError.self) { try Self.parse(text) }
            #expect(error?.row == row, "\(text)")
            #expect(error?.field == field, "\(text)")
            #expect(error?.file == "nominations.csv")
        }
    }
}
