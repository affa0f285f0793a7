import Foundation
import Testing
@testable import IndexEngine

/// The files a build writes, their determinism and the input fingerprint.
@Suite("Results writer")
struct ResultsWriterTests {
    static let stageNames = ["Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"]

    /// Loads the ASEM spec from `directory` (default: the example's), builds and writes into `out`.
    static func writeASEM(into out: String, inputs directory: String = Fixtures.path("Examples/asem")) throws -> (BuildResult, BuildSpec, String) {
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        let (dataset, hash) = try BuildInputs.load(spec, relativeTo: directory)
        let result = try IndexBuild.run(dataset, spec: spec)
        try ResultsWriter(directory: out).write(result, spec: spec, inputHash: hash)
        return (result, spec, hash)
    }

    static func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A CSV cell written by the writer, read back (`NA` as NaN).
    static func number(_ text: String) throws -> Double {
        if text == "NA" { return .nan }
        return try #require(Double(text), "'\(text)' reads back as a number")
    }

    // MARK: The ASEM build's files

    @Test("results.csv has the aggregates from the top down and one row per unit in rank order")
    func resultsCSV() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (result, _, _) = try Self.writeASEM(into: dir)
            let table = try CSVTable.read(path: dir + "/results.csv")
            #expect(table.header == [
                "uCode", "uName", "Index", "Conn", "Sust",
                "Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin", "Rank",
            ])
            #expect(table.rows.count == result.final.units.count)
            #expect(table.rows.count == 51)
            #expect(table.rows.prefix(5).map { $0[0] } == ["CHE", "NLD", "DNK", "NOR", "BEL"])
            #expect(table.rows[0][1] == "Switzerland")
            #expect(table.rows.map { $0[13] }.prefix(3) == ["1", "2", "3"])
            let ranks = try table.rows.map { try Self.number($0[13]) }
            #expect(ranks == ranks.sorted(), "rows are in rank order")
            #expect(ranks.last == 51)
            // Every score reads back exactly as the build computed it.
            let codes = result.final.units.map { result.dataset.units[$0].code }
            for fields in table.rows {
                let r = try #require(codes.firstIndex(of: fields[0]))
                for (k, code) in table.header.enumerated().dropFirst(2).dropLast() {
                    let c = try #require(result.framework.index(of: code))
                    let value = try Self.number(fields[k])
                    #expect(value == result.final.values[r, c], "\(fields[0]) \(code)")
                }
            }
            let index = try Self.number(table.rows[0][2])
            #expect((index * 100).rounded() / 100 == 68.38)
        }
    }

    @Test("stages/ holds the seven stages in COINr's layout, rows by unit code")
    func stageFiles() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (result, _, _) = try Self.writeASEM(into: dir)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/stages").sorted()
            #expect(files == Self.stageNames.map { $0 + ".csv" }.sorted())
            #expect(result.stages.map(\.name) == Self.stageNames)
            for stage in result.stages {
                let table = try CSVTable.read(path: dir + "/stages/\(stage.name).csv")
                #expect(table.header == ["uCode"] + result.framework.nodes.prefix(stage.values.columns).map(\.code))
                let codes = stage.units.map { result.dataset.units[$0].code }
                #expect(table.rows.map { $0[0] } == codes.sorted(), "\(stage.name) rows by unit code")
                for fields in table.rows {
                    let r = try #require(codes.firstIndex(of: fields[0]))
                    for c in 0..<stage.values.columns {
                        let value = try Self.number(fields[c + 1])
                        let expected = stage.values[r, c]
                        #expect(expected.isNaN ? value.isNaN : value == expected, "\(stage.name) \(fields[0]) \(table.header[c + 1])")
                    }
                }
            }
            let raw = try CSVTable.read(path: dir + "/stages/Raw.csv")
            #expect(raw.header.count == 50 && raw.rows.count == 51)
            let aggregated = try CSVTable.read(path: dir + "/stages/Aggregated.csv")
            #expect(aggregated.header.count == 61)
            #expect(aggregated.header.last == "Index")
            // Raw values are the input cells: AUT's LPI.
            let aut = try #require(raw.rows.first { $0[0] == "AUT" })
            #expect(aut[try #require(raw.columnIndex("LPI"))] == "4.097985")
        }
    }

    @Test("stages match COINr's reference files cell by cell when read back")
    func stageFilesMatchCOINr() throws {
        try Fixtures.withTemporaryDirectory { dir in
            _ = try Self.writeASEM(into: dir)
            for name in Self.stageNames {
                let written = try CSVTable.read(path: dir + "/stages/\(name).csv")
                let reference = try Fixtures.coinrStage(name)
                #expect(Set(written.header) == Set(reference.header), "\(name)")
                #expect(written.rows.map { $0[0] } == reference.rows.map { $0[0] }.sorted(), "\(name)")
                let referenceRows = Dictionary(uniqueKeysWithValues: reference.rows.map { ($0[0], $0) })
                for fields in written.rows {
                    let other = try #require(referenceRows[fields[0]])
                    for (k, column) in written.header.enumerated().dropFirst() {
                        let j = try #require(reference.columnIndex(column))
                        let a = try Self.number(fields[k])
                        let b = other[j] == "NA" || other[j].isEmpty ? Double.nan : try #require(Double(other[j]))
                        #expect(close(a, b), "\(name) \(fields[0]) \(column): \(a) vs \(b)")
                    }
                }
            }
        }
    }

    @Test("treatment.csv has one row per indicator with COINr's columns")
    func treatmentCSV() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (result, _, _) = try Self.writeASEM(into: dir)
            let table = try CSVTable.read(path: dir + "/treatment.csv")
            #expect(table.header == ["iCode", "Pass0", "Skew0", "Kurt0", "Winsorised", "Pass1", "Skew1", "Kurt1", "Pass2", "Skew2", "Kurt2", "Applied"])
            #expect(table.rows.count == 49)
            #expect(table.rows.map { $0[0] } == result.log.treatment.map(\.indicator))
            for (fields, report) in zip(table.rows, result.log.treatment) {
                #expect(fields[1] == (report.before.pass.map { $0 ? "TRUE" : "FALSE" } ?? "NA"))
                #expect(try Self.number(fields[2]) == report.before.skew || report.before.skew.isNaN)
                #expect(fields[4] == (report.winsorised.map(String.init) ?? "NA"))
                #expect(fields[11] == report.applied)
            }
            let winsorised = table.rows.filter { $0[4] != "NA" }
            #expect(!winsorised.isEmpty)
            #expect(winsorised.allSatisfy { Int($0[4]).map { $0 >= 1 } == true })
            #expect(table.rows.allSatisfy { ["TRUE", "FALSE", "NA"].contains($0[1]) })
        }
    }

    @Test("results.json holds the engine version, the sha256 of the inputs, the spec and the ranking")
    func resultsJSON() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (result, spec, hash) = try Self.writeASEM(into: dir)
            let data = try Self.read(dir + "/results.json")
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["engineVersion"] as? String == ResultsWriter.engineVersion)
            #expect(json["inputHash"] as? String == "sha256:" + hash)
            #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(json["time"] as? Int == 2018)
            #expect(json["headline"] as? String == "Index")
            #expect(json["units"] as? Int == 51)
            #expect((json["warnings"] as? [Any]) != nil)
            // The spec as built, decodable back into the same spec.
            let specObject = try #require(json["spec"] as? [String: Any])
            #expect(specObject["name"] as? String == spec.name)
            let specData = try JSONSerialization.data(withJSONObject: specObject)
            #expect(try BuildSpec.decode(specData, file: "results.json") == spec)
            // The ranking, best first.
            let ranking = try #require(json["ranking"] as? [[String: Any]])
            #expect(ranking.count == 51)
            #expect(ranking.first?["uCode"] as? String == "CHE")
            #expect(ranking.first?["uName"] as? String == "Switzerland")
            #expect(ranking.first?["rank"] as? Int == 1)
            let score = try #require(ranking.first?["score"] as? Double)
            #expect(score == result.scores(of: "Index")?.max())
            #expect(ranking.compactMap { $0["rank"] as? Int } == Array(1...51))
        }
    }

    @Test("two builds of the same inputs and spec write byte-identical files")
    func deterministic() throws {
        try Fixtures.withTemporaryDirectory { dir in
            _ = try Self.writeASEM(into: dir + "/one")
            _ = try Self.writeASEM(into: dir + "/two")
            let names = ["results.csv", "treatment.csv", "results.json"] + Self.stageNames.map { "stages/\($0).csv" }
            for name in names {
                let a = try Self.read(dir + "/one/" + name), b = try Self.read(dir + "/two/" + name)
                #expect(!a.isEmpty, "\(name) is written")
                #expect(a == b, "\(name) is byte-identical")
            }
            // Nothing else is written.
            let top = try FileManager.default.contentsOfDirectory(atPath: dir + "/one").sorted()
            #expect(top == ["results.csv", "results.json", "stages", "treatment.csv"])
        }
    }

    @Test("writing again replaces every file whole and leaves no temporary file; an unwritable place is an error naming the file")
    func rewriteAndFailure() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir + "/out"
            try FileManager.default.createDirectory(atPath: out + "/stages", withIntermediateDirectories: true)
            // A longer old file is replaced, not overwritten in place with its tail left over.
            try Data(String(repeating: "old,", count: 100_000).utf8).write(to: URL(fileURLWithPath: out + "/results.csv"))
            _ = try Self.writeASEM(into: out)
            let again = dir + "/again"
            _ = try Self.writeASEM(into: again)
            #expect(try Self.read(out + "/results.csv") == Self.read(again + "/results.csv"))
            for folder in [out, out + "/stages"] {
                let hidden = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
                #expect(hidden.isEmpty, "no temporary file left in \(folder)")
            }
            // The output directory is a file: nothing can be written in it.
            let blocked = dir + "/blocked"
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
            let error = #expect(throws: IndexEngineError.self) { try Self.writeASEM(into: blocked) }
            #expect(error?.kind == .unreadableFile)
            #expect(error?.file == blocked + "/results.csv", "\(error?.file ?? "no file")")
            #expect(error?.message.hasPrefix("cannot write the file") == true)

            // The system's reason is given: a full disk (the temporary name leads to /dev/full)
            // and a name that is a folder. Neither leaves anything behind.
            let temporary = out + "/.results.csv.\(getpid()).tmp"
            try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: "/dev/full")
            let full = #expect(throws: IndexEngineError.self) { try Self.writeASEM(into: out) }
            #expect(full?.message == "cannot write the file (No space left on device)")
            #expect(full?.file == out + "/results.csv")
            #expect(!FileManager.default.fileExists(atPath: temporary))
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            let folder = #expect(throws: IndexEngineError.self) { try Self.writeASEM(into: out) }
            #expect(folder?.message == "cannot write the file (Is a directory)")
            #expect(try Self.read(out + "/results.csv") == Self.read(again + "/results.csv"), "the old file is whole")

            // Bytes (a workbook, charts) go the same way: their folder is made, the file put in place.
            let bytes = Data([0, 1, 2, 255])
            try OutputFiles.write(bytes, to: dir + "/made/deep/book.xlsx")
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/made/deep/book.xlsx")) == bytes)
            try OutputFiles.write(Data(), to: dir + "/made/empty")
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/made/empty")).isEmpty)
            let under = #expect(throws: IndexEngineError.self) { try OutputFiles.write(bytes, to: blocked + "/book.xlsx") }
            #expect(under?.file == blocked + "/book.xlsx" && under?.message.hasPrefix("cannot write the file (") == true, "\(String(describing: under))")
        }
    }

    @Test("the input hash is SHA-256 of each file's role, length and bytes; one changed byte changes it")
    func inputHash() throws {
        let asem = Fixtures.path("Examples/asem")
        let iData = try Self.read(asem + "/ASEM_iData.csv"), iMeta = try Self.read(asem + "/ASEM_iMeta.csv")
        var expected = SHA256()
        expected.update("iData\n\(iData.count)\n")
        expected.update(iData)
        expected.update("iMeta\n\(iMeta.count)\n")
        expected.update(iMeta)
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        let original = try BuildInputs.load(spec, relativeTo: asem).inputHash
        #expect(original == expected.hexDigest())

        try Fixtures.withTemporaryDirectory { dir in
            // The same bytes elsewhere give the same hash.
            try iData.write(to: URL(fileURLWithPath: dir + "/ASEM_iData.csv"))
            try iMeta.write(to: URL(fileURLWithPath: dir + "/ASEM_iMeta.csv"))
            #expect(try BuildInputs.load(spec, relativeTo: dir).inputHash == original)

            // One digit of AUT's LPI (4.097985 → 4.097986) changes the hash.
            var changed = iData
            let text = String(decoding: iData, as: UTF8.self)
            let range = try #require(text.range(of: "4.097985"))
            let offset = text.utf8.distance(from: text.startIndex, to: range.upperBound) - 1
            #expect(changed[offset] == UInt8(ascii: "5"))
            changed[offset] = UInt8(ascii: "6")
            try changed.write(to: URL(fileURLWithPath: dir + "/ASEM_iData.csv"))
            let (dataset, hash) = try BuildInputs.load(spec, relativeTo: dir)
            #expect(hash != original)
            #expect(dataset.values[0, try #require(dataset.framework.index(of: "LPI"))] == 4.097986)

            // So does one byte of the metadata, even where it changes no value (a name).
            try iData.write(to: URL(fileURLWithPath: dir + "/ASEM_iData.csv"))
            let meta = String(decoding: iMeta, as: UTF8.self).replacingOccurrences(of: "Logistics Performance Index", with: "Logistics Performance Indey")
            try Data(meta.utf8).write(to: URL(fileURLWithPath: dir + "/ASEM_iMeta.csv"))
            let metaHash = try BuildInputs.load(spec, relativeTo: dir).inputHash
            #expect(metaHash != original && metaHash != hash)
        }
    }

    // MARK: Quoting and numbers

    @Test("fields with commas, quotes or line breaks are quoted in every file")
    func quoting() throws {
        let units = ["code,name,region,pop", "A,\"Alpha, \"\"the first\"\"\",North,10", "B,\"Beta\nTwo\",North,20", "C,Gamma,South,40"]
        let result = try NativeInputTests.build(units: units)
        #expect(result.dataset.units.map(\.name) == ["Alpha, \"the first\"", "Beta\nTwo", "Gamma"])
        let text = ResultsWriter.resultsCSV(result)
        #expect(text == "uCode,uName,Idx,P1,P2,Rank\nC,Gamma,83.33333333333333,75,100,1\nB,\"Beta\nTwo\",50,75,0,2\nA,\"Alpha, \"\"the first\"\"\",0,0,0,3\n")
        let table = try CSVTable.parse(text, name: "results.csv")
        #expect(table.rows.map { $0[1] } == ["Gamma", "Beta\nTwo", "Alpha, \"the first\""])
        #expect(table.rowNumbers == [2, 3, 5])

        try Fixtures.withTemporaryDirectory { dir in
            let spec = try Small.nativeSpec()
            try ResultsWriter(directory: dir).write(result, spec: spec, inputHash: String(repeating: "0", count: 64))
            #expect(try String(contentsOfFile: dir + "/results.csv", encoding: .utf8) == text)
            let json = try #require(try JSONSerialization.jsonObject(with: Self.read(dir + "/results.json")) as? [String: Any])
            let ranking = try #require(json["ranking"] as? [[String: Any]])
            #expect(ranking.map { $0["uName"] as? String } == ["Gamma", "Beta\nTwo", "Alpha, \"the first\""])
            #expect(ranking.map { $0["score"] as? Double } == [250.0 / 3, 50, 0])
            #expect(json["time"] is NSNull)
            #expect(json["headline"] as? String == "Idx")
            let raw = try String(contentsOfFile: dir + "/stages/Raw.csv", encoding: .utf8)
            #expect(raw == "uCode,x1,x2,x3\nA,100,5,NA\nB,600,3,4\nC,800,1,10\n")
        }
    }

    @Test("codes with commas are quoted in headers and stage rows")
    func quotedCodes() throws {
        let indicators = ["code,name,parent", "\"x,1\",X one,P", "x2,X two,P", "P,\"Pillar \"\"P\"\"\","]
        let dataset = try Small.nativeDataset(units: "code,name\n\"u,1\",U one\nu2,U two\n", indicators: csv(indicators),
                                              values: "unit,\"x,1\",x2\n\"u,1\",1,2\nu2,3,4\n")
        let spec = try BuildSpec.decode(Data("{ \"inputs\": { \"units\": \"u\", \"indicators\": \"i\", \"values\": \"v\" }, \"steps\": [ { \"step\": \"aggregate\" } ] }".utf8), file: "s")
        let result = try IndexBuild.run(dataset, spec: spec)
        #expect(ResultsWriter.resultsCSV(result) == "uCode,uName,P,Rank\nu2,U two,3.5,1\n\"u,1\",U one,1.5,2\n")
        let aggregated = try #require(result.stages.last)
        #expect(ResultsWriter.stageCSV(aggregated, result: result) == "uCode,\"x,1\",x2,P\n\"u,1\",1,2,1.5\nu2,3,4,3.5\n")
    }

    @Test("NumberFormat writes the shortest text that reads back, NA for missing, and quotes when needed")
    func numberFormat() {
        #expect(NumberFormat.csv(3) == "3")
        #expect(NumberFormat.csv(-0.0) == "0")
        #expect(NumberFormat.csv(-12) == "-12")
        #expect(NumberFormat.csv(0.1) == "0.1")
        #expect(NumberFormat.csv(250.0 / 3) == "83.33333333333333")
        #expect(NumberFormat.csv(.nan) == "NA")
        #expect(NumberFormat.csv(.infinity) == "NA")
        #expect(NumberFormat.csv(-.infinity) == "NA")
        #expect(Double(NumberFormat.csv(1e20)) == 1e20)
        #expect(Double(NumberFormat.csv(1.0 / 3)) == 1.0 / 3)
        #expect(Double(NumberFormat.csv(5e-324)) == 5e-324)
        #expect(NumberFormat.field("plain") == "plain")
        #expect(NumberFormat.field("a,b") == "\"a,b\"")
        #expect(NumberFormat.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(NumberFormat.field("two\nlines") == "\"two\nlines\"")
        #expect(NumberFormat.field("cr\rhere") == "\"cr\rhere\"")
        #expect(NumberFormat.field("") == "")
    }

    // MARK: SHA-256

    static func sha256(_ bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.hexDigest()
    }

    @Test("SHA-256 of the standard messages (expected digests from python3 hashlib)")
    func knownDigests() {
        #expect(Self.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.sha256(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 padding at the block edges: 55, 56 and 64 bytes")
    func paddingEdges() {
        let a = UInt8(ascii: "a")
        #expect(Self.sha256(Array(repeating: a, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(Self.sha256(Array(repeating: a, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(Self.sha256(Array(repeating: a, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("SHA-256 fed in pieces equals one update; the digest does not consume the state")
    func incremental() {
        var pieces = SHA256()
        pieces.update("ab")
        #expect(pieces.hexDigest() == Self.sha256(Array("ab".utf8)))
        pieces.update("c")
        #expect(pieces.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(pieces.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var chunks = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { chunks.update(chunk) }
        #expect(chunks.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
