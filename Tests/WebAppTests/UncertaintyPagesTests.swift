import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp

/// The public pages' account of uncertainty on ASEM 2018 with a small sensitivity analysis: the
/// rankings' rank chart, the unit's sentence and the methodology's Sobol chart.
@Suite("Uncertainty on the pages")
struct UncertaintyPagesTests {
    /// ASEM 2018 with the example analysis cut to 4 base samples (24 builds) and 50 resamples.
    static let asem: Result<HostedIndex, any Error> = Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("civic-analysis-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        var text = try String(contentsOfFile: IndexCatalogueTests.asem + "/sensitivity.json", encoding: .utf8)
        text = text.replacingOccurrences(of: #""samples": 100"#, with: #""samples": 4"#).replacingOccurrences(of: #""bootstrap": 1000"#, with: #""bootstrap": 50"#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try HostedIndex.load(spec: IndexCatalogueTests.asem + "/asem.json", analysis: file)
    }

    /// The platform hosting `index` (this suite's ASEM when nil), through the real router.
    static func withApp(_ index: HostedIndex? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-uncertainty-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let store = try PlatformDatabase(database).open()
        let platform = Platform(catalogue: IndexCatalogue([try index ?? asem.get()], source: nil), store: store.store)
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        try await Application(router: router).test(.router) { client in try await body(client) }
    }

    static func body(_ client: any TestClientProtocol, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == .ok, "\(uri)")
            return String(buffer: response.body)
        }
    }

    /// The one SVG of `kind` in `page`.
    static func chart(_ kind: String, in page: String) throws -> ParsedSVG {
        let start = try #require(page.range(of: #"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-\#(kind)""#))
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        let svg = String(page[start.lowerBound..<end.upperBound])
        expectAccessibleSVG(svg)
        return parseSVG(svg)
    }

    @Test("the rankings page draws every unit's nominal rank, median and 5–95 % interval, in rank order, on the whole index's axis")
    func rankingsChart() async throws {
        let view = try Self.asem.get().editions[0].view
        try await Self.withApp { client in
            let page = try await Self.body(client, "/indices/asem")
            let chart = try Self.chart("rank-interval", in: page)
            #expect(chart.all("circle").filter { $0.attributes["class"] == "rank" }.count == 51)
            #expect(chart.all("polygon").filter { $0.attributes["class"] == "median" }.count == 51)
            #expect(chart.all("line").filter { $0.attributes["class"] == "interval" }.count == 51)
            // Rows in rank order: the first label is the rank-1 unit.
            let labels = chart.all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
            #expect(labels.first == view.rows.first?.name)
            #expect(chart.desc.contains("Ranks are most uncertain for "))
            #expect(page.contains(#"<figure class="chart-frame rank-chart">"#))

            // Filtered to Asia, only its units, but still on the axis of all 51 ranks.
            let asia = try Self.chart("rank-interval", in: try await Self.body(client, "/indices/asem?filter=EurAsia_group:Asia"))
            #expect(asia.all("circle").filter { $0.attributes["class"] == "rank" }.count == view.rows.filter { $0.groups["EurAsia_group"] == "Asia" }.count)
            #expect(asia.texts.contains("50"))
        }
    }

    @Test("the unit page says in one sentence where the unit ranks across method choices, with the median")
    func unitSentence() async throws {
        let view = try Self.asem.get().editions[0].view
        let row = try #require(view.rows.first { $0.rankInterval != nil && $0.medianRank != nil && $0.rankInterval?[0] != $0.rankInterval?[1] })
        let interval = try #require(row.rankInterval)
        let expected = "Ranks between \(ChartFormat.ordinal(Int(interval[0].rounded()))) and \(ChartFormat.ordinal(Int(interval[1].rounded()))) depending on method choices (median \(ChartFormat.ordinal(Int(try #require(row.medianRank).rounded()))))."
        try await Self.withApp { client in
            let page = try await Self.body(client, "/indices/asem/units/\(row.code)")
            #expect(page.contains(#"<p class="uncertainty">\#(expected)</p>"#))
        }
    }

    @Test("the sentence: ordinals, the median, a rank that never moves, and none without an interval, in English and French")
    func sentence() async throws {
        let pages = try await Pages.load()
        var profile = try #require(UnitProfile(code: "AUT", index: try Self.asem.get().editions[0].view))
        func sentence(_ language: Language = .en) -> String? {
            PageLanguage.$current.withValue(PageLanguage(language: language, here: "/")) { profile.uncertaintySentence(pages) }
        }
        profile.rankInterval = [5, 29]
        profile.medianRank = 12
        #expect(sentence() == "Ranks between 5th and 29th depending on method choices (median 12th).")
        #expect(sentence(.fr) == "Se classe entre la 5e et la 29e place selon les choix de méthode (médiane : 12e).")
        #expect(sentence(.vi) == "Xếp hạng trong khoảng từ thứ 5 đến thứ 29 tùy theo lựa chọn phương pháp (trung vị: thứ 12).")
        profile.rankInterval = [1, 22]
        profile.medianRank = 2.6
        #expect(sentence() == "Ranks between 1st and 22nd depending on method choices (median 3rd).")
        #expect(sentence(.fr) == "Se classe entre la 1re et la 22e place selon les choix de méthode (médiane : 3e).")
        profile.rankInterval = [101, 111]
        profile.medianRank = nil
        #expect(sentence() == "Ranks between 101st and 111th depending on method choices.")
        profile.rankInterval = [3, 3]
        #expect(sentence() == "Ranks 3rd whatever the method choices.")
        #expect(sentence(.fr) == "Se classe 3e quels que soient les choix de méthode.")
        profile.rankInterval = nil
        #expect(sentence() == nil)
        profile.rankInterval = [.nan, 4]
        #expect(sentence() == nil)
        profile.rankInterval = [1e300, -0.0]
        #expect(sentence(.fr) == nil, "no rank a table has")
    }

    @Test("the methodology page draws each input's first- and total-order indices and tables them with their intervals, in readable names")
    func methodologySensitivity() async throws {
        let sa = try #require(try Self.asem.get().editions[0].sensitivity)
        try await Self.withApp { client in
            let page = try await Self.body(client, "/indices/asem/methodology")
            let chart = try Self.chart("sobol", in: page)
            #expect(chart.all("g").filter { $0.attributes["class"] == "input" }.count == 4)
            let names = ["Outlier treatment: most points winsorised", "Normalisation method", "Weights", "Aggregation method"]
            // The label column fits the longest name (41 characters: 14 + 6.8 · 41 = 292.8), so none is cut.
            #expect(names.allSatisfy(chart.texts.contains), "\(chart.texts)")
            for (k, name) in names.enumerated() {
                let i = sa.indices[k]
                // The table gives the true figures with three decimals, even where the chart clamps them.
                let first = Show.fixed(i.first, decimals: 3) + " [\(Show.fixed(i.firstLow, decimals: 3)), \(Show.fixed(i.firstHigh, decimals: 3))]"
                #expect(page.contains("<tr><td>\(name)</td><td class=\"num\">\(first)</td>"), "\(name)")
            }
            #expect(!page.contains("<td>winmax</td>") && !page.contains("<li>winmax"))
        }
    }

    @Test("the uncertainty charts speak the reader's language: legends, axes, numbers, ordinals and the description a screen reader reads")
    func chartsInLanguage() async throws {
        try await Self.withApp { client in
            func page(_ uri: String, _ language: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: language]) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return String(buffer: response.body)
                }
            }
            let french = try Self.chart("rank-interval", in: try await page("/indices/asem", "fr"))
            #expect(french.texts.contains("Rang (1 = meilleur)") && french.texts.contains("Rang nominal") && french.texts.contains("5e–95e centile"), "\(french.texts)")
            #expect(french.desc.hasPrefix("Graphique en points et moustaches des rangs de 51 unités"), "\(french.desc)")
            #expect(french.desc.contains("Les rangs sont les plus incertains pour ") && french.desc.contains(", médiane "), "\(french.desc)")
            #expect(french.desc.contains(" et ") && !french.desc.contains(" and ") && !french.desc.contains("th–"), "French ordinals and lists: \(french.desc)")
            let methodology = try await page("/indices/asem/methodology", "fr")
            let tree = try Self.chart("tree", in: methodology)
            #expect(tree.texts.contains("Élément") && tree.texts.contains("Part du parent"), "\(tree.texts.prefix(4))")
            #expect(tree.desc.contains(" : 2 agrégats entre l’indice et ses ") || tree.desc.contains(" agrégats entre l’indice et ses 49 indicateurs"), "\(tree.desc.prefix(200))")
            #expect(tree.texts.contains { $0.hasSuffix(",0 %") || ($0.contains(",") && $0.hasSuffix(" %")) }, "shares with the decimal comma")
            let sobol = try Self.chart("sobol", in: methodology)
            #expect(sobol.texts.contains("Part de la variance (indice de Sobol)") && sobol.texts.contains("0,25") && sobol.texts.contains("Premier ordre"), "\(sobol.texts)")
            #expect(sobol.desc.contains(" : premier ordre 0,") && sobol.desc.contains("intervalle à 95 % de 0,"), "\(sobol.desc)")
            let vietnamese = try Self.chart("rank-interval", in: try await page("/indices/asem", "vi"))
            #expect(vietnamese.texts.contains("Thứ hạng (1 = tốt nhất)") && vietnamese.desc.contains("Thứ hạng bất định nhất đối với "), "\(vietnamese.desc)")
            // The legend's longer words push the next key along instead of running into it.
            let keys = ["Thứ hạng danh nghĩa", "Thứ hạng trung vị", "Phân vị thứ 5–95"]
            let legend = keys.compactMap { key in vietnamese.all("text").first { $0.text == key }.flatMap { Double($0.attributes["x"] ?? "") } }
            #expect(legend.count == 3, "\(vietnamese.texts)")
            for k in legend.indices.dropLast() { #expect(legend[k + 1] - legend[k] >= Double(keys[k].count) * 6.8 + 12, "\(legend)") }
        }
    }

    /// The file `name` in `directory`, parsed: it must be a well-formed, accessible SVG.
    static func svgFile(_ directory: String, _ name: String) throws -> ParsedSVG {
        let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        let svg = String(text.drop { $0 != "\n" }.dropFirst()).trimmingCharacters(in: .newlines)
        expectAccessibleSVG(svg)
        return parseSVG(text)
    }

    @Test("the analyses write ranks.svg and sensitivity.svg beside their tables, well-formed, with a mark per unit and per input")
    func chartFiles() throws {
        let edition = try Self.asem.get().editions[0]
        let sa = try #require(edition.sensitivity)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-charts-\(UUID().uuidString)/out").path
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        try AnalysisCharts.write(sa, index: "ASEM", to: directory)
        let sobol = try Self.svgFile(directory, "sensitivity.svg")
        #expect(sobol.wellFormed && sobol.root?.attributes["class"] == "chart chart-sobol")
        #expect(sobol.all("g").filter { $0.attributes["class"] == "input" }.count == 4)
        #expect(sobol.all("rect").filter { ["first", "total"].contains($0.attributes["class"]) }.count == 8)
        let ranks = try Self.svgFile(directory, "ranks.svg")
        #expect(ranks.all("circle").filter { $0.attributes["class"] == "rank" }.count == 51)
        #expect(ranks.all("polygon").filter { $0.attributes["class"] == "median" }.count == 51)
        #expect(ranks.all("line").filter { $0.attributes["class"] == "interval" }.count == 51)

        // The uncertainty analysis alone writes the rank chart only, in nominal-rank order.
        let alone = directory + "-uncertainty"
        defer { try? FileManager.default.removeItem(atPath: alone) }
        var analysis = try AnalysisSpec.read(path: IndexCatalogueTests.asem + "/sensitivity.json")
        analysis.samples = 5
        let ua = try UncertaintyAnalysis.run(edition.view.build, spec: edition.view.spec, analysis: analysis)
        try AnalysisCharts.write(ua, index: "ASEM", to: alone)
        #expect(!FileManager.default.fileExists(atPath: alone + "/sensitivity.svg"))
        let order = try Self.svgFile(alone, "ranks.svg").all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
        #expect(order == edition.view.rows.map(\.name))
    }

    @Test("civic sensitivity and civic uncertainty write their charts next to their CSVs")
    func commandLine() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("civic-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        for (command, files) in [("sensitivity", ["sensitivity.csv", "sensitivity.svg", "ranks.svg"]), ("uncertainty", ["uncertainty.csv", "ranks.svg"])] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TwoInstanceDeployment.binary)
            process.arguments = [command, IndexCatalogueTests.asem + "/asem.json", IndexCatalogueTests.asem + "/sensitivity.json", "--samples", "3", "--quiet", "--out", out + "/" + command]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "civic \(command)")
            for file in files { #expect(FileManager.default.fileExists(atPath: "\(out)/\(command)/\(file)"), "\(command): \(file)") }
            let ranks = try Self.svgFile(out + "/" + command, "ranks.svg")
            #expect(ranks.all("circle").filter { $0.attributes["class"] == "rank" }.count == 51)
        }
        #expect(try Self.svgFile(out + "/sensitivity", "sensitivity.svg").all("g").filter { $0.attributes["class"] == "input" }.count == 4)
    }

    @Test("an index without an uncertainty analysis has no rank chart and no sentence")
    func withoutAnalysis() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            let page = try await Self.body(client, "/indices/asem")
            #expect(!page.contains("chart-rank-interval") && !page.contains("How certain are the ranks?"))
            #expect(!(try await Self.body(client, "/indices/asem/units/CHE")).contains(#"class="uncertainty""#))
        }
    }
}
