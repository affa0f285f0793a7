import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp

/// The methodology page reads in words: ASEM's framework as a tree, its indicators, its steps,
/// the audit's warnings beside their aggregates, and the raw spec behind a disclosure.
@Suite("Methodology page")
struct MethodologyPageTests {
    @Test("ASEM: a tree of 1 + 2 + 8 + 49 elements with shares of the parent's weight, and a row per indicator with its direction in words")
    func frameworkAndIndicators() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            let page = try await UncertaintyPagesTests.body(client, "/indices/asem/methodology")
            let tree = try UncertaintyPagesTests.chart("tree", in: page)
            #expect(tree.all("circle").count == 60)
            #expect(tree.all("g").filter { $0.attributes["class"] == "aggregate" }.count == 11)
            // Every weight in ASEM's metadata is 1, so a share is 1 over the number of siblings (ASEM_iMeta.csv):
            // the index's 2 sub-indices 50 %; Physical's and People to People's 8 indicators 12.5 % (16);
            // Social's 9 indicators 11.1 %.
            #expect(tree.texts.filter { $0 == "50 %" }.count == 2)
            #expect(tree.texts.filter { $0 == "12.5 %" }.count == 16)
            #expect(tree.texts.filter { $0 == "11.1 %" }.count == 9)
            #expect(tree.texts.contains("Sustainable Connectivity") && tree.texts.contains("Logistics Performance Index"))
            #expect(page.components(separatedBy: "<tr><td>").count - 1 >= 49)
            #expect(page.contains(#"<tr><td>Mean tariff rate <span class="muted">(Tariff)</span></td><td class="wide">"#))
            let tariff = try #require(page.components(separatedBy: "<tr>").first { $0.contains("(Tariff)") })
            #expect(tariff.contains("<td>lower is better</td>") && tariff.contains("<td>Institutional</td>"))
            let lpi = try #require(page.components(separatedBy: "<tr>").first { $0.contains("(LPI)") })
            #expect(lpi.contains("<td class=\"wide\">Score 1-5</td><td>higher is better</td><td class=\"num\">1</td><td class=\"num wide\">12.5 %</td><td>Physical</td>"))
        }
    }

    @Test("the steps in words, the raw spec in a disclosure, and Sustainability's negative alpha flagged beside it")
    func stepsAndFlags() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            // The 2018 edition is COINr's example build, whose alphas the audit tests check against numpy.
            let page = try await UncertaintyPagesTests.body(client, "/indices/asem/methodology?year=2018")
            #expect(page.contains("<li><strong>Impute missing values</strong>: replace each by the indicator&#39;s mean over the units of the same group (Europe or Asia).</li>")
                || page.contains("<li><strong>Impute missing values</strong>: replace each by the indicator's mean over the units of the same group (Europe or Asia).</li>"))
            #expect(page.contains("<strong>Treat outliers</strong>: where an indicator"))
            #expect(page.contains("winsorise up to 5 points"))
            #expect(page.contains("<strong>Normalise</strong>: rescale each indicator linearly so that its lowest value becomes 0 and its highest 100"))
            #expect(page.contains("<strong>Aggregate</strong>: combine indicators into each aggregate, level by level, by weighted arithmetic mean with the weights of the metadata."))
            #expect(page.contains("<details><summary>The build spec as JSON"))
            let sust = try #require(page.components(separatedBy: "<tr").first { $0.contains("<td>Sustainability</td>") })
            #expect(sust.contains(#" class="flagged""#) && sust.contains("<td class=\"num\">-0.29</td>") && sust.contains("Negative: some members move against the others"))
            let social = try #require(page.components(separatedBy: "<tr").first { $0.contains("<td>Social</td>") })
            #expect(!social.contains("flagged"))
            let code = page.components(separatedBy: "<code>")
            #expect(code.count == 2 && code[0].hasSuffix("</summary>\n<pre>"), "the spec's JSON is shown only inside the disclosure")
        }
    }

    @Test("metadata with a Source column give the indicator table a Source column; without one it has none")
    func sources() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-sources-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["asem.json", "ASEM_iData.csv"] {
            try FileManager.default.copyItem(atPath: IndexCatalogueTests.asem + "/" + file, toPath: directory + "/" + file)
        }
        // A Source column: the World Bank for LPI, NA (no source) for every other row.
        let meta = try String(contentsOfFile: IndexCatalogueTests.asem + "/ASEM_iMeta.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let withSources = meta.enumerated().map { i, line in line + (i == 0 ? ",\"Source\"" : line.contains("\"LPI\"") ? ",\"World Bank <LPI>\"" : ",NA") }
        try (withSources.joined(separator: "\n") + "\n").write(toFile: directory + "/ASEM_iMeta.csv", atomically: true, encoding: .utf8)
        let index = try HostedIndex.load(spec: directory + "/asem.json", analysis: nil)
        #expect(index.editions[0].view.build.framework.nodes.first { $0.code == "LPI" }?.source == "World Bank <LPI>")
        try await UncertaintyPagesTests.withApp(index) { client in
            let page = try await UncertaintyPagesTests.body(client, "/indices/asem/methodology")
            #expect(page.contains(#"<th scope="col" class="wide">Source</th>"#))
            let lpi = try #require(page.components(separatedBy: "<tr>").first { $0.contains("(LPI)") })
            #expect(lpi.contains(#"<td class="wide">World Bank &lt;LPI&gt;</td>"#))
            let tariff = try #require(page.components(separatedBy: "<tr>").first { $0.contains("(Tariff)") })
            #expect(tariff.contains(#"<td class="wide">—</td><td>lower is better</td>"#))
        }
        try await IndexRoutesTests.withApp { client, _ in
            let page = try await UncertaintyPagesTests.body(client, "/indices/asem/methodology")
            #expect(!page.contains(">Source</th>"))
        }
    }

    @Test("each kind of step in words, in each language")
    func words() async throws {
        let pages = try await Pages.load()
        func step(_ json: String, in language: Language = .en) throws -> StepDescription {
            let decoded = try JSONDecoder().decode(BuildStep.self, from: Data(json.utf8))
            return PageLanguage.$current.withValue(PageLanguage(language: language, here: "/")) {
                StepDescription(decoded, groupName: { $0 == "EurAsia_group" ? "Europe or Asia" : $0 }, pages: pages)
            }
        }
        #expect(try step(#"{"step": "impute", "method": "none"}"#).text == "none; missing values stay missing and are left out of the averages above them.")
        #expect(try step(#"{"step": "treat", "method": "winsorise", "winmax": 1, "skewThreshold": 2, "kurtosisThreshold": 3.5}"#).text
            == "where an indicator's skew is above 2 in size and its kurtosis above 3.5, winsorise up to 1 point (set the most extreme values to the next value in); if that is not enough, log-transform it instead.")
        #expect(try step(#"{"step": "screen", "threshold": 0.9, "by": "missing", "exclude": ["B", "A"]}"#).text
            == "keep a unit only with at least 90 % of its indicators observed. Always removed: A and B.")
        #expect(try step(#"{"step": "normalise", "method": "zScore", "mean": 10, "sd": 2}"#).text
            == "turn each indicator into z-scores with mean 10 and standard deviation 2; higher is better for every indicator once its direction is applied.")
        #expect(try step(#"{"step": "aggregate", "method": "geometric", "weights": "equal"}"#).text
            == "combine indicators into each aggregate, level by level, by weighted geometric mean with equal weights.")
        #expect(try step(#"{"step": "denominate"}"#).title == "Divide by denominators")
        #expect(try step(#"{"step": "normalise", "method": "scaled", "range": [0, 50], "scaleFactor": 10}"#).text
            == "rescale each indicator from the fixed range 0–50 onto 0–10; higher is better for every indicator once its direction is applied.")
        #expect(try step(#"{"step": "aggregate", "method": "arithmetic", "aggregates": {"Conn": {"method": "product"}}}"#).text
            == "combine indicators into each aggregate, level by level, by weighted arithmetic mean with the weights of the metadata. Conn: the product of the children's values (weights unused).")
        #expect(try step(#"{"step": "aggregate", "method": "benefitOfTheDoubt", "shares": [0.1, 0.15]}"#).text
            == "combine indicators into each aggregate, level by level, by benefit of the doubt (each unit weighted as favourably to it as the data allow, every weight between 10 % and 15 % of their sum); the weights play no part.")
        // Weights are named only where the method reads them.
        #expect(try step(#"{"step": "aggregate", "method": "product", "weights": "equal", "levels": {"2": {"method": "arithmetic", "weights": "equal"}, "3": {"method": "orderedWeightedAveraging", "owa": [0.5, 0.5], "weights": "equal"}}}"#).text
            == "combine indicators into each aggregate, level by level, by the product of the children's values (weights unused); the weights play no part. Level 2: weighted arithmetic mean with equal weights. Level 3: ordered weighted averaging (weights by rank among the children).")
        #expect(try step(#"{"step": "aggregate", "method": "mazziottaPareto"}"#, in: .vi).text.contains("trọng số không được sử dụng"))
        // Treating with winmax 0 winsorises nothing: the fallback is the treatment, or there is none.
        #expect(try step(#"{"step": "treat", "method": "winsorise", "winmax": 0, "skewThreshold": 2, "kurtosisThreshold": 3.5}"#).text
            == "where an indicator's skew is above 2 in size and its kurtosis above 3.5, log-transform it.")
        #expect(try step(#"{"step": "treat", "method": "winsorise", "winmax": 0, "fallback": "none"}"#).text == "none.")
        #expect(try step(#"{"step": "aggregate", "levels": {"2": {"method": "benefitOfTheDoubt", "shares": [0.125, 0.5]}}}"#, in: .fr).text.contains("chaque poids entre 12,5 % et 50 % de leur somme"))
        let french = try step(#"{"step": "treat", "method": "winsorise", "winmax": 5, "skewThreshold": 2.25, "kurtosisThreshold": 3.5}"#, in: .fr)
        #expect(french.title == "Traiter les valeurs aberrantes")
        #expect(french.text == "lorsque l’asymétrie d’un indicateur dépasse 2,25 en valeur absolue et son aplatissement 3,5, winsoriser jusqu’à 5 points (ramener les valeurs les plus extrêmes à la valeur suivante) ; si cela ne suffit pas, lui appliquer un logarithme à la place.")
        #expect(try step(#"{"step": "screen", "threshold": 0.9, "by": "missing", "include": ["B", "A"]}"#, in: .vi).text
            == "chỉ giữ một đơn vị khi có ít nhất 90 % chỉ số có dữ liệu. Luôn giữ: A và B.")
    }

    @Test("tree geometry: a node of depth d on row i has its dot at (10 + 20d, 24 + 22(i + 0.5)); connectors run from parent to last child")
    func treeGeometry() {
        let tree = FrameworkTree(title: "t", root: .init("Index", children: [
            .init("A", share: 0.75, children: [.init("a1", share: 0.5), .init("a2", share: 0.5)]),
            .init("B", share: 0.25),
        ]))
        let parsed = parseSVG(tree.svg())
        let dots = parsed.all("circle").map { "\($0.attributes["cx"] ?? ""),\($0.attributes["cy"] ?? "")" }
        // Rows: Index 0, A 1, a1 2, a2 3, B 4 → y = 35, 57, 79, 101, 123.
        #expect(dots == ["10,35", "30,57", "50,79", "50,101", "30,123"])
        let lines = parsed.all("line").map { [$0.attributes["x1"], $0.attributes["y1"], $0.attributes["x2"], $0.attributes["y2"]].compactMap { $0 }.joined(separator: " ") }
        #expect(lines.contains("10 35 10 123") && lines.contains("30 57 30 101") && lines.contains("30 79 50 79"))
        #expect(parsed.texts.contains("75 %") && parsed.texts.contains("25 %"))
        #expect(parsed.desc.contains("Index: A (75 %) and B (25 %). A: a1 (50 %) and a2 (50 %)."))
        expectAccessibleSVG(tree.svg())
        let nasty = FrameworkTree(title: nastyLabel, root: .init(nastyLabel, children: [.init(nastyLabel, share: .nan)]))
        expectAccessibleSVG(nasty.svg())
    }
}
