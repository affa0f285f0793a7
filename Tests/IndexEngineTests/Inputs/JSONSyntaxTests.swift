import Foundation
import Testing
@testable import IndexEngine

/// Where a JSON document goes wrong: the line and column of its first syntax error, checked
/// against Python's `json` module, an independent parser.
@Suite("JSON syntax errors")
struct JSONSyntaxTests {
    /// Malformed documents on whose error position RFC 8259 and Python's parser agree (Python is
    /// more lenient with numbers and `NaN`, which are checked by hand below).
    static let structural = [
        "{\"a\": 1,,}", "{\n  \"a\": tru\n}", "[1, 2", "{\"a\" 1}", "", "   ", "[1,]", "{\"a\": 1,}", "[1] x", "{\"a\": \"b\nc\"}",
        "{\"a\": \"never closed", "{\n\"a\": [1, 2,\n  {\"b\": }\n]}", "{1: 2}", "[\"é\", \"ü\" \"x\"]", "{\"a\": [1, 2}", "[{]",
        "{\"a\": \"\\q\"}", "[\"\\u12G4\"]", "\"\u{1}\"", "{\"a\":1}}",
    ]

    @Test("the line and column match Python's json module for structural errors")
    func agreesWithPython() throws {
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }, "python3 is needed")
        let script = """
            import json, sys
            for doc in json.load(sys.stdin):
                try:
                    json.loads(doc)
                    print("ok")
                except json.JSONDecodeError as e:
                    print(e.lineno, e.colno)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(Self.structural))
        try input.fileHandleForWriting.close()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        try #require(lines.count == Self.structural.count)
        for (document, expected) in zip(Self.structural, lines) {
            let error = try #require(JSONSyntaxError.first(in: Array(document.utf8)), "\(document.debugDescription) is malformed")
            #expect("\(error.line) \(error.column)" == expected, "\(document.debugDescription): \(error)")
        }
    }

    @Test("well-formed documents have no syntax error", arguments: [
        "{}", "[]", "0", "-0", "1e300", "-1.5E-7", "\"\\u00e9\\n\"", "{\"a\": [true, false, null, {\"b\": \"c\"}]}", "\u{FEFF}[1]", " \n[1]\n ",
    ])
    func wellFormed(_ document: String) {
        #expect(JSONSyntaxError.first(in: Array(document.utf8)) == nil)
    }

    @Test("numbers and words outside the grammar are placed where they go wrong", arguments: [
        ("-", 1, 2), ("1.", 1, 3), ("1.e5", 1, 3), ("1e", 1, 3), ("01", 1, 2), ("NaN", 1, 1), ("[Infinity]", 1, 2), ("+1", 1, 1), ("[1,\n -x]", 2, 3),
    ])
    func numbers(_ document: String, line: Int, column: Int) throws {
        let error = try #require(JSONSyntaxError.first(in: Array(document.utf8)))
        #expect((error.line, error.column) == (line, column), "\(document): \(error)")
    }

    @Test("a document nested a million levels deep is refused where it passes 512 levels, without exhausting the stack")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)
        let error = try #require(JSONSyntaxError.first(in: Array(deep.utf8)))
        #expect(error.line == 1 && error.column == 513 && error.message.contains("512 levels"))
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(JSONSyntaxError.first(in: Array(fine.utf8)) == nil)
    }

    @Test("a body that is not UTF-8, or nested too deep, is reported as such, not as a number")
    func notUTF8() throws {
        struct Body: Decodable { var a: String }
        for data in [Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), Data((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)] {
            #expect {
                try JSONInput.decode(Body.self, from: data)
            } throws: { error in
                guard let problem = error as? JSONInput.Problem else { return false }
                return problem.message.contains("UTF-8") || problem.message.contains("512 levels")
            }
        }
    }

    @Test("a spec file with a syntax error names the file, line and column")
    func specSyntaxError() throws {
        let broken = BuildSpecTests.edited("\"scale\": 1 }", "\"scale\" 1 }")
        #expect {
            try BuildSpecTests.decode(broken)
        } throws: { error in
            guard let error = error as? IndexEngineError else { return false }
            return error.file == "spec.json" && error.message.contains("line 6, column 37") && error.message.contains("':' was expected, not '1'")
        }
    }
}
