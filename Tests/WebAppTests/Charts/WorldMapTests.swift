import Foundation
import Testing
@testable import WebApp

@Suite("WorldMap")
struct WorldMapTests {
    let sample = WorldMap(title: "Intelligent communities", places: [
        .init("Null Island", latitude: 0, longitude: 0),
        .init("North-east", latitude: 45, longitude: 90),
        .init("Corner", latitude: -90, longitude: -180),
        .init("Eindhoven", latitude: 51.4416, longitude: 5.4697),
        .init("Nowhere", latitude: nil, longitude: 10),
    ])
    /// The legend's texts, before any list of places without coordinates.
    static let legend = ["Community of the Year", "Top7", "Smart21", "Nominee", "A numbered dot: communities too close to draw apart"]

    /// The places' dots, in drawing order.
    static func dots(_ svg: String) -> [ParsedElement] { parseSVG(svg).all("circle").filter { $0.attributes["class"] == "place" } }

    @Test("equirectangular: x = (lon + 180)/360·720, y = (90 − lat)/180·360; (0, 0) is the centre and (90° N, 180° E) the top right corner")
    func geometry() {
        let map = WorldMap(title: "t", places: [])
        #expect(map.project(latitude: 0, longitude: 0) == (360, 180))
        #expect(map.project(latitude: 90, longitude: 180) == (720, 0))
        #expect(map.project(latitude: -90, longitude: -180) == (0, 360))
        // Drawn most advanced stage first, then by name: all are nominees here.
        let dots = Self.dots(sample.svg())
        #expect(dots.map { $0.attributes["cx"] } == ["0", "370.94", "540", "360"])
        #expect(dots.map { $0.attributes["cy"] } == ["360", "77.12", "90", "180"])
        let parsed = parseSVG(sample.svg())
        #expect(parsed.first("g") { $0.attributes["transform"] != nil }?.attributes["transform"] == "translate(10,10)")
        // Graticule: 11 meridians and 5 parallels every 30°.
        #expect(parsed.all("line").count == 16)
        // 10 + 360 + 10, the legend's 26, then one line of places without coordinates (8 + 16).
        #expect(parsed.root?.attributes["viewBox"] == "0 0 740 430")
    }

    @Test("the land outline loads from the module's resources and lies on the 720 × 360 plane")
    func land() throws {
        let land = try #require(WorldMap.land, "Land/land-110m.path is a resource of the WebApp target")
        #expect(land.hasPrefix("M") && land.hasSuffix("Z"))
        #expect((10_000...60_000).contains(land.utf8.count), "a compact outline: \(land.utf8.count) bytes")
        let numbers = land.split { "MLZ ".contains($0) }.map { Double($0) }
        #expect(numbers.allSatisfy { $0 != nil })
        let xs = stride(from: 0, to: numbers.count, by: 2).compactMap { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).compactMap { numbers[$0] }
        #expect(xs.allSatisfy { (0...720).contains($0) } && ys.allSatisfy { (0...360).contains($0) })
        // Land on both sides of the map: the Americas west of 0°, Asia east of it.
        #expect(xs.min()! < 100 && xs.max()! > 620)
        let path = try #require(parseSVG(sample.svg()).first("path") { $0.attributes["class"] == "land" })
        #expect(path.attributes["d"] == land)
        #expect(path.attributes["transform"] == "scale(1,1)")
        let half = WorldMap(title: "t", places: [], mapWidth: 360, mapHeight: 180).svg()
        #expect(parseSVG(half).first("path")?.attributes["transform"] == "scale(0.5,0.5)")
    }

    @Test("dots closer than twice the dot radius merge into one dot labelled with the count, its title naming them")
    func clustering() {
        // One degree is two units. Taken by stage, E comes first, then B, which anchors a dot:
        // A and C lie 1.41 units from B and join it; D, 4.5° east of B, is 9 units away, exactly
        // the merging distance, and stays apart; E is far away.
        let map = WorldMap(title: "t", places: [
            .init("A", latitude: 50, longitude: 8, stage: .smart21, link: "/communities/a"),
            .init("B", latitude: 50.5, longitude: 8.5, stage: .top7, link: "/communities/b"),
            .init("C", latitude: 51, longitude: 9, link: "/communities/c"),
            .init("D", latitude: 50.5, longitude: 13, link: "/communities/d"),
            .init("E", latitude: -30, longitude: 150, stage: .communityOfTheYear, link: "/communities/e"),
        ])
        let clusters = map.clusters
        #expect(clusters.map { $0.places.map(\.name) } == [["E"], ["B", "A", "C"], ["D"]])
        // The dot sits at the mean of B (377, 79), A (376, 80) and C (378, 78): (377, 79).
        #expect(abs(clusters[1].x - 377) < 1e-9 && abs(clusters[1].y - 79) < 1e-9)
        let svg = map.svg()
        let parsed = parseSVG(svg)
        let cluster = parsed.elements.filter { $0.name == "title" && $0.text.hasPrefix("3 communities") }
        #expect(cluster.map(\.text) == ["3 communities: B (Top7); A (Smart21); C (Nominee)"])
        #expect(svg.contains(#"<g class="cluster"><title>3 communities: B (Top7); A (Smart21); C (Nominee)</title><circle cx="377" cy="79" r="8" fill="\#(ChartPalette.top7)""#))
        #expect(svg.contains(#">3</text></g>"#))
        // Each single dot links to its community's profile; the link is named by its title.
        let links = parsed.all("a").map { $0.attributes["href"] }
        #expect(links == ["/communities/e", "/communities/d"])
        #expect(svg.contains(#"<a href="/communities/e"><title>E — Community of the Year</title><circle class="place""#))
        #expect(Self.dots(svg).map { $0.attributes["fill"] } == [ChartPalette.communityOfTheYear, ChartPalette.faint])
        expectAccessibleSVG(svg, links: true)
    }

    @Test("the text alternative summarises: communities, countries, regions, stages and shared dots, no coordinates")
    func summary() {
        let map = WorldMap(title: "t", places: [
            .init("Taoyuan", latitude: 24.99, longitude: 121.3, stage: .communityOfTheYear, country: "Taiwan", region: "Asia"),
            .init("Taipei", latitude: 25.03, longitude: 121.56, stage: .top7, country: "Taiwan", region: "Asia"),
            .init("Espoo", latitude: 60.2, longitude: 24.66, stage: .smart21, country: "Finland", region: "Europe"),
            .init("Sunnyvale", latitude: 37.37, longitude: -122.04, country: "United States", region: "North America"),
            .init("Atlantis", latitude: nil, longitude: nil, stage: .smart21, country: "Nowhere", region: "Europe"),
        ])
        // Taoyuan and Taipei are 0.26° apart (0.53 units): one dot.
        #expect(map.description == "World map of 5 communities in 4 countries; most in Asia (2), then Europe (2) and North America (1). "
            + "Highest stage reached: 1 Community of the Year, 1 Top7, 2 Smart21 and 1 nominee. "
            + "2 communities share 1 dot with neighbours too close to draw apart. Without coordinates: Atlantis.")
        #expect(!map.description.contains("°"))
        #expect(parseSVG(map.svg()).desc == map.description)
    }

    @Test("each dot has a title naming its community and stage; the unlocated are listed")
    func titles() {
        let parsed = parseSVG(sample.svg())
        let dotTitles = parsed.elements.filter { $0.name == "title" && $0.depth > 1 }.map(\.text)
        #expect(dotTitles == ["Corner — Nominee", "Eindhoven — Nominee", "North-east — Nominee", "Null Island — Nominee"])
        #expect(parsed.texts == Self.legend + ["Without coordinates: Nowhere"])
    }

    @Test("title and desc")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Intelligent communities")
        #expect(parsed.desc == "World map of 5 communities. Without coordinates: Nowhere.")
        expectAccessibleSVG(sample.svg(), links: true)
    }

    @Test("names are escaped")
    func escaping() {
        let svg = WorldMap(title: nastyLabel, places: [.init(nastyLabel, latitude: 1, longitude: 2), .init(nastyLabel, latitude: nil, longitude: nil)]).svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;") && !svg.contains("<b>"))
        let parsed = parseSVG(svg)
        #expect(parsed.elements.filter { $0.name == "title" }.map(\.text) == [nastyLabel, nastyLabel + " — Nominee"])
        #expect(parsed.texts == Self.legend + ["Without coordinates: \(nastyLabel)"])
        expectAccessibleSVG(svg, links: true)
    }

    @Test("deterministic")
    func determinism() {
        #expect(sample.svg() == sample.svg())
        let copy = WorldMap(title: sample.title, places: sample.places)
        #expect(sample.svg() == copy.svg())
    }

    @Test("invalid coordinates are listed, long lists wrap, no places still give a map")
    func edges() {
        let invalid = WorldMap(title: "t", places: [
            .init("NaN", latitude: .nan, longitude: 0),
            .init("Too far north", latitude: 91, longitude: 0),
            .init("Too far east", latitude: 0, longitude: 181),
        ])
        let parsed = parseSVG(invalid.svg())
        #expect(Self.dots(invalid.svg()).isEmpty)
        #expect(parsed.texts == ["No community has coordinates"] + Self.legend + ["Without coordinates: NaN; Too far north; Too far east"])
        expectAccessibleSVG(invalid.svg(), links: true)

        let many = WorldMap(title: "t", places: (1...40).map { .init("Community number \($0)", latitude: nil, longitude: nil) })
        let lines = many.unlocatedLines
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= WorldMap.lineLength })
        #expect(lines.joined(separator: " ") == "Without coordinates: " + (1...40).map { "Community number \($0)" }.joined(separator: "; "))
        let manyParsed = parseSVG(many.svg())
        #expect(manyParsed.texts.count == 1 + Self.legend.count + lines.count)
        expectAccessibleSVG(many.svg(), links: true)

        let empty = WorldMap(title: "none", places: []).svg()
        expectAccessibleSVG(empty, links: true)
        #expect(parseSVG(empty).texts == ["No communities"] + Self.legend)
        #expect(parseSVG(empty).desc == "World map of 0 communities.")
    }
}
