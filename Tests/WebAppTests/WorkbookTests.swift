import Foundation
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp
@testable import Workbook

/// The XLSX workbook, read back by an independent reader: openpyxl (pinned in `.ci/run`),
/// through `Tests/Workbook/read_workbook.py`, which also compares each sheet with the CSV the
/// build writes, number for number, as doubles.
@Suite("Workbook")
struct WorkbookTests {
    static let root = PlatformRoutesTests.root
    static let reader = root + "/Tests/Workbook/read_workbook.py"

    /// What the reader reports of a workbook.
    struct Report: Decodable {
        var sheets: [String]
        var rows: [String: [[Cell?]]]
        var bold: [String: Bool]
        var frozen: [String: String?]
        var differences: [String]
        var numbers: Int

        enum Cell: Decodable, Equatable {
            case number(Double), text(String)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
            }
        }
    }

    /// Reads `data` with openpyxl, comparing the sheets `csv` names with their CSV files.
    static func read(_ data: Data, csv: [(sheet: String, file: String)] = []) async throws -> Report {
        try #require(Subprocess.runBlocking(["python3", "-c", "import openpyxl"]) == 0, "openpyxl is missing: run `bash .ci/run` (as root) to install what the tests need")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-workbook-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try data.write(to: URL(fileURLWithPath: directory + "/book.xlsx"))
        let run = try await Subprocess.run(
            ["python3", reader, directory + "/book.xlsx", directory + "/report.json"] + csv.map { "\($0.sheet)=\($0.file)" }, directory: root, timeout: .seconds(120))
        try #require(run.status == 0, "the reader failed:\n\(run.output)")
        return try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/report.json")))
    }

    /// The sheets of a build and its audit, each with the CSV file in `directory` that holds the same table.
    static func pairs(stages: [String], directory: String, audit: String?) -> [(sheet: String, file: String)] {
        var pairs = [("Results", directory + "/results.csv")] + stages.map { ($0, directory + "/stages/\($0).csv") } + [("Treatment", directory + "/treatment.csv")]
        if let audit {
            pairs += [("Statistics", "statistics"), ("Correlations", "correlations"), ("Reliability", "reliability"), ("PCA", "pca"), ("Remove one", "remove-one")]
                .map { ($0.0, audit + "/\($0.1).csv") }
        }
        return pairs
    }

    static let asemStages = ["Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"]
    static let auditSheets = ["Statistics", "Correlations", "Reliability", "PCA", "Remove one"]

    @Test("column letters count in bijective base 26: Z is followed by AA, AZ by BA, ZZ by AAA; XFD is Excel's last column")
    func columnLetters() {
        // By hand: AA = 1·26 + 1 = 27th column (index 26); ZZ = 26·26 + 26 = 702nd (index 701);
        // XFD = 24·676 + 6·26 + 4 = 16384th (index 16383).
        let expected = [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")]
        for (index, letters) in expected { #expect(CellReference.column(index) == letters, "\(index)") }
        #expect(CellReference.cell(row: 0, column: 0) == "A1")
        #expect(CellReference.cell(row: 9, column: 27) == "AB10")
    }

    @Test("text is escaped for XML, characters XML forbids are dropped, and Excel's _xHHHH_ is kept literal")
    func escaping() {
        #expect(XMLText.escaped(#"a<b&c"d'e>f"#) == "a&lt;b&amp;c&quot;d&apos;e&gt;f")
        #expect(XMLText.escaped("bell\u{7}nul\u{0}esc\u{1B}\u{FFFE}tab\tline\n") == "bellnulesctab\tline\n")
        #expect(XMLText.escaped("x_x0041_y_x12_") == "x_x005F_x0041_y_x12_")
        #expect(XMLText.escaped("Côte d’Ivoire 𝔸") == "Côte d’Ivoire 𝔸")
    }

    @Test("sheet names lose the characters Excel refuses, fit 31 characters and are unique, ignoring case")
    func sheetNames() {
        let long = String(repeating: "x", count: 40)
        #expect(SheetName.unique(["Results", "a/b[c]:d*e?f\\g", long, long, "results", "", "'quoted'"])
            == ["Results", "a b c  d e f g", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)", "results (2)", "Sheet", "quoted"])
    }

    @Test("numbers keep every digit, missing numbers are empty cells, hostile text reads back as written, beyond 26 columns")
    func roundTrip() async throws {
        let name = "Côte <&\"> d'Ivoire\u{7}"
        let numbers: [Double] = [0.1, 1.0 / 3.0, 1e300, -1e-300, 5e-324, 1.7976931348623157e308, -0.0, 123456789012345678, .nan, .infinity, -.infinity]
        let columns = (1...30).map { "c\($0)" }
        let table = OutputTable(header: ["unit"] + columns, rows: [
            [.text(name)] + numbers.map(OutputTable.Value.number) + Array(repeating: .text(""), count: 30 - numbers.count),
            [.text("wide")] + (1...30).map { .count($0) },
        ])
        let report = try await Self.read(try Workbook(sheets: [Worksheet("Data", table), Worksheet("a:b", OutputTable(header: ["x"], rows: []))]).xlsx())
        #expect(report.sheets == ["Data", "a b"])
        let rows = try #require(report.rows["Data"])
        #expect(rows[0] == (["unit"] + columns).map { .text($0) })
        #expect(rows[1][0] == .text("Côte <&\"> d'Ivoire"), "escaped text reads back; the control character is dropped")
        for (i, number) in numbers.enumerated() {
            #expect(rows[1][i + 1] == (number.isFinite ? .number(number) : nil), "\(number)")
        }
        #expect(rows[2].count == 31 && rows[2][30] == .number(30), "column AE holds the 30th value")
        #expect(report.bold["Data"] == true)
        #expect(report.frozen["Data"] == "A2")
    }

    @Test("civic build --xlsx writes results.xlsx: every sheet equals its CSV number for number, with weights and the spec")
    func commandLine() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("civic-build-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let binary = TwoInstanceDeployment.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build civic first (swift build)")
        let build = try await Subprocess.run([binary, "build", "Examples/asem/asem.json", "--out", out, "--top", "0", "--xlsx"], directory: Self.root, timeout: .seconds(300))
        try #require(build.status == 0, "\(build.output)")
        #expect(build.output.contains("Wrote \(out)/results.xlsx."))
        let audit = try await Subprocess.run([binary, "audit", "Examples/asem/asem.json", "--out", out + "/audit"], directory: Self.root, timeout: .seconds(300))
        try #require(audit.status == 0, "\(audit.output)")

        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/results.xlsx"))
        let report = try await Self.read(data, csv: Self.pairs(stages: Self.asemStages, directory: out, audit: out + "/audit"))
        #expect(report.sheets == ["Results"] + Self.asemStages + ["Treatment", "Weights", "Spec"] + Self.auditSheets)
        #expect(report.differences.isEmpty, "\(report.differences.prefix(10))")
        // 51 units × (Raw's 49 indicators …): thousands of numbers, each equal as a double.
        #expect(report.numbers > 10_000, "\(report.numbers) numbers compared")
        #expect(report.sheets.allSatisfy { report.bold[$0] == true })

        let weights = try #require(report.rows["Weights"])
        #expect(weights[0] == ["code", "name", "level", "parent", "weight", "effectiveWeight"].map { .text($0) })
        let conn = try #require(weights.first { $0.first == .text("Conn") })
        // ASEM's metadata: Conn is a level-3 pillar of Index, weight 1; Index has two pillars of equal weight.
        #expect(Array(conn[1...4]) == [.text("Connectivity"), .number(3), .text("Index"), .number(1)])
        #expect(conn[5] == .number(0.5))
        let spec = try #require(report.rows["Spec"])
        #expect(spec.contains([.text("name"), .text("ASEM Sustainable Connectivity (COINr example build)")]))
        #expect(!spec.contains { $0.first == .text("steps[1].overrides") }, "empty settings have no row")
        #expect(spec.contains([.text("steps[5].method"), .text("minMax")]))
        #expect(spec.contains([.text("steps[5].range"), .text("0, 100")]))

        // The same build gives the same bytes.
        let again = try await Subprocess.run([binary, "build", "Examples/asem/asem.json", "--out", out + "/again", "--top", "0", "--xlsx"], directory: Self.root, timeout: .seconds(300))
        try #require(again.status == 0, "\(again.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/again/results.xlsx")) == data)
    }

    @Test("an index's workbook downloads as {slug}-{year}.xlsx and equals the edition's CSVs and audit")
    func download() async throws {
        let index = try IndexRoutesTests.asem.get()
        let edition = try #require(index.edition(2020))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-edition-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ResultsWriter(directory: directory).write(edition.view.build, spec: edition.view.spec, inputHash: "")
        try AuditWriter(directory: directory + "/audit").write(try #require(edition.audit))
        let stages = edition.view.build.stages.map(\.name)

        try await IndexRoutesTests.withApp { client, _ in
            let response = try await client.execute(uri: "/indices/asem/workbook.xlsx?year=2020", method: .get) { ($0.status, $0.headers, Data(buffer: $0.body)) }
            #expect(response.0 == .ok)
            #expect(response.1[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.1[.contentDisposition] == "attachment; filename=\"asem-2020.xlsx\"")
            let report = try await Self.read(response.2, csv: Self.pairs(stages: stages, directory: directory, audit: directory + "/audit"))
            #expect(report.sheets == ["Results"] + stages + ["Treatment", "Weights", "Spec"] + Self.auditSheets)
            #expect(report.differences.isEmpty, "\(report.differences.prefix(10))")
            #expect(report.numbers > 10_000)
            // Without a year, the latest edition's.
            let latest = try await client.execute(uri: "/indices/asem/workbook.xlsx", method: .get) { $0.headers[.contentDisposition] }
            #expect(latest == "attachment; filename=\"asem-2022.xlsx\"")
            // The rankings and methodology pages link it beside the CSV.
            for page in ["/indices/asem?year=2020", "/indices/asem/methodology?year=2020"] {
                #expect(try await IndexRoutesTests.get(client, page).body.contains(#"href="/indices/asem/workbook.xlsx?year=2020""#), "\(page)")
            }
        }
    }

    @Test("with an uncertainty analysis the workbook has an Uncertainty sheet equal to uncertainty.csv")
    func uncertaintySheet() async throws {
        let (build, spec, analysis) = try RankingDownloadTests.analysed.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-ua-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AnalysisWriter(directory: directory).write(analysis)
        let report = try await Self.read(try IndexWorkbook.make(build, spec: spec, uncertainty: analysis).xlsx(), csv: [("Uncertainty", directory + "/uncertainty.csv")])
        #expect(report.sheets.prefix(2) == ["Results", "Uncertainty"])
        #expect(report.differences.isEmpty, "\(report.differences.prefix(10))")
        #expect(report.numbers >= 51 * 9)
    }
}
