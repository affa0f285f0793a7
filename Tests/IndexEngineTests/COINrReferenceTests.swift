import Testing
@testable import IndexEngine

/// The ASEM example build reproduces COINr 1.1.14's output at every stage.
@Suite("ASEM example against COINr")
struct COINrReferenceTests {
    static let stages = ["Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"]

    @Test("every stage matches COINr to 1e-9 relative", arguments: stages)
    func stageMatches(_ name: String) throws {
        let result = try Fixtures.asemBuild()
        let reference = try Fixtures.coinrStage(name)
        let stage = try #require(result.stages.first { $0.name == name })
        let codes = stage.units.map { result.dataset.units[$0].code }
        #expect(Set(codes) == Set(reference.rows.map { $0[0] }), "the same units are kept")
        #expect(stage.values.columns == reference.header.count - 1, "the same number of columns")
        var compared = 0
        for (fields, line) in zip(reference.rows, reference.rowNumbers) {
            let r = try #require(codes.firstIndex(of: fields[0]))
            for (k, column) in reference.header.enumerated().dropFirst() {
                let c = try #require(result.framework.index(of: column), "column \(column)")
                let expected = try Cell.number(fields[k], file: reference.name, row: line, column: column)
                let actual = stage.values[r, c]
                #expect(close(actual, expected), "\(name) \(fields[0]) \(column): \(actual) vs COINr \(expected)")
                compared += 1
            }
        }
        #expect(compared == reference.rows.count * (reference.header.count - 1))
    }

    @Test("the same points are winsorised as in COINr's treatment details")
    func treatmentDetailsMatch() throws {
        let result = try Fixtures.asemBuild()
        let details = try CSVTable.read(path: Fixtures.path("Tests/IndexEngineTests/Reference/COINr/asem_treat_details.csv"))
        let reports = Dictionary(uniqueKeysWithValues: result.log.treatment.map { ($0.indicator, $0) })
        var winsorisedIndicators = 0
        for (fields, row) in zip(details.rows, details.rowNumbers) {
            let report = try #require(reports[fields[0]])
            let file = details.name
            #expect(report.before.pass == (fields[1] == "TRUE"), "\(fields[0]) pass before")
            #expect(close(report.before.skew, try Cell.number(fields[2], file: file, row: row, column: "skew")))
            #expect(close(report.before.kurtosis, try Cell.number(fields[3], file: file, row: row, column: "kurt")))
            let nwin = try Cell.number(fields[4], file: file, row: row, column: "nwin")
            if nwin.isNaN {
                #expect(report.winsorised == nil, "\(fields[0]) not winsorised")
            } else {
                winsorisedIndicators += 1
                #expect(report.winsorised == Int(nwin), "\(fields[0]) winsorised \(String(describing: report.winsorised)) vs COINr \(nwin)")
                #expect(report.afterFirst?.pass == (fields[5] == "TRUE"))
                #expect(close(report.afterFirst?.skew ?? .nan, try Cell.number(fields[6], file: file, row: row, column: "skew1")))
                #expect(close(report.afterFirst?.kurtosis ?? .nan, try Cell.number(fields[7], file: file, row: row, column: "kurt1")))
            }
        }
        #expect(winsorisedIndicators > 0)
    }

    @Test("the top of the ranking is COINr's")
    func topOfRanking() throws {
        let result = try Fixtures.asemBuild()
        let top = result.rankedRows.prefix(5).map { r in
            (result.dataset.units[result.final.units[r]].code, (result.final.values[r, result.headline] * 100).rounded() / 100)
        }
        #expect(top.map(\.0) == ["CHE", "NLD", "DNK", "NOR", "BEL"])
        #expect(top.map(\.1) == [68.38, 64.82, 64.80, 64.47, 63.54])
    }
}
