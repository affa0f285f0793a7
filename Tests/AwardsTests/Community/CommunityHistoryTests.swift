import Foundation
import IndexEngine
import Testing
@testable import Awards

@Suite("Community history")
struct CommunityHistoryTests {
    static let recordPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/Examples/awards-history/recognitions.csv"
    }()

    static func record(_ text: String) throws -> [Recognition] {
        try RecognitionRecord.parse(try CSVTable.parse(text, name: "recognitions.csv"))
    }

    @Test("names in plain ASCII fold, and make community ids, as the general folding does")
    func asciiFoldingMatchesTheGeneralOne() {
        var generator = SystemRandomNumberGenerator()
        let samples = ["", " ", "Load test W1-0000001 (synthetic)", "  Saint-Jean   de\tLuz ", "KENYA", "a--b", "-x-", "Ab\r\nCd", "x\u{0B}y\u{0C}z", "q\u{1F}r"]
            + (0..<2000).map { _ in String((0..<Int.random(in: 0...12, using: &generator)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &generator))) }) }
        for name in samples {
            #expect(CommunityName.fold(name) == CommunityName.foldUnicode(name), "\(name.debugDescription)")
            let id = CommunityName.foldUnicode(name).replacingOccurrences(of: " ", with: "-") + "--" + CommunityName.foldUnicode("Saint Kitts and  Nevis").replacingOccurrences(of: " ", with: "-")
            #expect(Community.id(name: name, country: "Saint Kitts and  Nevis") == id, "\(name.debugDescription)")
        }
        #expect(CommunityName.fold("Ōtautahi  Christchurch") == "otautahi christchurch", "other text takes the general way")
    }

    @Test("the public record loads every row")
    func loadsRecord() throws {
        let record = try RecognitionRecord.read(path: Self.recordPath)
        #expect(record.count == 139)
        #expect(record.count { $0.stage == .communityOfTheYear } == 6)
        #expect(Set(record.map(\.awardYear)) == Set(2018...2024))
    }

    @Test("Binh Duong: five Smart21 years in a row, three Top7 years, Community of the Year 2023")
    func binhDuong() throws {
        let history = try CommunityHistory.find("Binh Duong", in: try RecognitionRecord.read(path: Self.recordPath))
        #expect(history.country == "Vietnam")
        #expect(history.firstYear == 2019)
        #expect(history.smart21Years == [2019, 2020, 2021, 2022, 2023])
        #expect(history.stages == [2019: .smart21, 2020: .smart21, 2021: .top7, 2022: .top7, 2023: .communityOfTheYear])
        #expect(history.longestStreak?.length == 5)
        #expect(history.longestStreak?.from == 2019 && history.longestStreak?.to == 2023)
        #expect(history.top7Years == [2021, 2022, 2023])
        #expect(history.winningYears == [2023])
    }

    @Test("names match without accents, case or extra spaces", arguments: ["bình dương", "BINH  DUONG", "binh-duong"])
    func foldedNames(_ name: String) throws {
        let history = try CommunityHistory.find(name, in: try RecognitionRecord.read(path: Self.recordPath))
        #expect(history.community == "Binh Duong")
    }

    @Test("an unknown name suggests close ones; a shared name lists the countries")
    func unknownAndAmbiguous() throws {
        let record = try RecognitionRecord.read(path: Self.recordPath)
        let unknown = #expect(throws: AwardsError.self) { try CommunityHistory.find("Taipei", in: record) }
        #expect(unknown?.kind == .unknownReference)
        #expect(unknown?.message.contains("New Taipei City") == true)
        let twice = try Self.record("award_year,stage,community,country\n2020,smart21,Springfield,Canada\n2021,smart21,Springfield,United States\n")
        let ambiguous = #expect(throws: AwardsError.self) { try CommunityHistory.find("Springfield", in: twice) }
        #expect(ambiguous?.message.contains("Canada") == true && ambiguous?.message.contains("United States") == true)
    }

    @Test("streaks break on a missing year and count Top7 years as Smart21 years")
    func streaks() throws {
        let record = try Self.record("""
            award_year,stage,community,country
            2018,smart21,A,X
            2019,top7,A,X
            2021,smart21,A,X
            2022,smart21,A,X
            2023,smart21,A,X
            2024,top7,A,X
            """)
        let history = try CommunityHistory.find("A", in: record)
        #expect(history.smart21Years == [2018, 2019, 2021, 2022, 2023, 2024])
        #expect(history.longestStreak?.length == 4)
        #expect(history.longestStreak?.from == 2021)
        #expect(history.longestTop7Streak?.length == 1)
    }

    @Test("bad rows are reported with their row and field")
    func badRows() throws {
        let cases: [(String, Int, String)] = [
            ("award_year,stage,community,country\n20x0,smart21,A,X\n", 2, "award_year"),
            ("award_year,stage,community,country\n2020,shortlist,A,X\n", 2, "stage"),
            ("award_year,stage,community,country\n2020,smart21,,X\n", 2, "community"),
            ("award_year,stage,community\n2020,smart21,A\n", 1, "country"),
        ]
        for (text, row, field) in cases {
            let error = #expect(throws: AwardsError.self) { try Self.record(text) }
            #expect(error?.row == row, "\(text)")
            #expect(error?.field == field, "\(text)")
            #expect(error?.file == "recognitions.csv")
        }
        let duplicate = #expect(throws: AwardsError.self) {
            try Self.record("award_year,stage,community,country\n2020,smart21,A,X\n2020,smart21,A,X\n")
        }
        #expect(duplicate?.kind == .duplicate)
        #expect(duplicate?.row == 3)
    }
}
