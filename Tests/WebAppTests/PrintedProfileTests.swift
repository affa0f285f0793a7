import Awards
import Foundation
import Testing
@testable import WebApp

/// The profiles print as a short report: headless Chromium prints the demo's pages to A4 PDFs,
/// and poppler's `pdfinfo` and `pdftotext` — independent of the platform — count the pages and
/// read back what was printed.
@Suite("Printed profiles")
struct PrintedProfileTests {
    /// What the test needs that this machine lacks.
    static func missingPrerequisites() -> [String] {
        ["chromium", "pdfinfo", "pdftotext"].filter { Subprocess.find($0) == nil }
    }

    /// The body rows of the first table after `caption` in `html`: each row's cells' text, tags dropped.
    static func rows(after caption: String, in html: String) throws -> [[String]] {
        let table = try #require(html.range(of: caption), "the page has '\(caption)'")
        let start = try #require(html.range(of: "<tbody>", range: table.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "</tbody>", range: start.upperBound..<html.endIndex))
        let body = html[start.upperBound..<end.lowerBound]
        return body.components(separatedBy: "</tr>").compactMap { row in
            let cells = row.replacingOccurrences(of: "</t[hd]>", with: "\u{0}", options: .regularExpression).split(separator: "\u{0}").dropLast().map { cell in
                cell.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return cells.isEmpty ? nil : cells
        }
    }

    /// Prints `path` of the server on `port` to a PDF; returns its page count and its text laid out as printed.
    static func print(_ port: Int, _ path: String) async throws -> (pages: Int, text: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("page.pdf").path
        let chromium = try await Subprocess.run(
            ["chromium", "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer", "--user-data-dir=\(directory.path)/profile",
             "--print-to-pdf=\(pdf)", "http://127.0.0.1:\(port)\(path)"],
            directory: directory.path, timeout: .seconds(120))
        #expect(chromium.status == 0 && FileManager.default.fileExists(atPath: pdf), "Chromium printed no PDF of \(path):\n\(chromium.output)")
        let info = try await Subprocess.run(["pdfinfo", pdf], directory: directory.path, timeout: .seconds(30))
        let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        let text = try await Subprocess.run(["pdftotext", "-layout", pdf, "-"], directory: directory.path, timeout: .seconds(30))
        return (pages ?? 0, text.output)
    }

    /// Whether one printed line holds `label` and then `value`.
    static func line(in text: String, _ label: String, _ value: String) -> Bool {
        text.split(separator: "\n").contains { line in
            guard let at = line.range(of: label) else { return false }
            return line[at.upperBound...].contains(value)
        }
    }

    @Test("a community's profile and ASEM's unit profile print to one or two A4 pages with the platform's header and the scores shown")
    func profilesPrint() async throws {
        let missing = Self.missingPrerequisites()
        guard missing.isEmpty else {
            Issue.record("The print test needs \(missing.joined(separator: ", ")): run `bash .ci/run` (as root) to install them.")
            return
        }
        try await BrowserWalkthroughTests.withLivePlatform { port, _, _ in
            let browser = LiveBrowser()
            // The demo's Community of the Year: a community with index scores.
            let results = try await browser.get(port, "/api/v1/cycles/2026/results")
            let finalists = (try JSONSerialization.jsonObject(with: Data(results.body.utf8)) as? [String: Any])?["finalists"] as? [[String: Any]]
            let winner = try #require(finalists?.first)
            let name = try #require(winner["community"] as? String), country = try #require(winner["country"] as? String)
            let path = "/communities/\(Community.id(name: name, country: country))"
            let html = try await browser.get(port, path).body
            let factors = try Self.rows(after: "Factor scores in the latest year", in: html)
            #expect(factors.count == 6, "the profile's factor table: \(factors)")
            let today = try await Pages.load().format.date(Date())

            let community = try await Self.print(port, path)
            #expect((1...2).contains(community.pages), "the profile prints on \(community.pages) pages")
            #expect(community.text.contains(name))
            #expect(Self.line(in: community.text, "Civic Index", today), "the header names the platform and the date")
            for factor in factors { #expect(Self.line(in: community.text, factor[0], factor[1]), "the printed factor score \(factor[0]) \(factor[1])") }
            for screenOnly in ["Skip to content", "Sign in", "Download:", "open data and open methods", "Compare side by side"] {
                #expect(!community.text.contains(screenOnly), "the printed profile shows '\(screenOnly)'")
            }

            let unitPath = "/indices/asem/units/CHE"
            let scores = try Self.rows(after: "<h2>Scores</h2>", in: try await browser.get(port, unitPath).body)
            #expect(!scores.isEmpty)
            let unit = try await Self.print(port, unitPath)
            #expect((1...2).contains(unit.pages), "the unit profile prints on \(unit.pages) pages")
            #expect(unit.text.contains("Switzerland"))
            #expect(Self.line(in: unit.text, "Civic Index", today))
            for score in scores.prefix(3) { #expect(Self.line(in: unit.text, score[0], score[1]), "the printed score \(score[0]) \(score[1])") }
            #expect(!unit.text.contains("Skip to content") && !unit.text.contains("open data and open methods"))
        }
    }
}
