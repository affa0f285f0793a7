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

    @Test("equirectangular: x = (lon + 180)/360·720, y = (90 − lat)/180·360")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        let dots = parsed.all("circle")
        #expect(dots.map { $0.attributes["cx"] } == ["360", "540", "0", "370.94"])
        #expect(dots.map { $0.attributes["cy"] } == ["180", "90", "360", "77.12"])
        #expect(dots.allSatisfy { $0.attributes["class"] == "place" })
        #expect(parsed.first("g") { $0.attributes["transform"] != nil }?.attributes["transform"] == "translate(10,10)")
        // Graticule: 11 meridians and 5 parallels every 30°.
        #expect(parsed.all("line").count == 16)
        #expect(parsed.root?.attributes["viewBox"] == "0 0 740 404")
    }

    @Test("each dot has a title naming its community; the unlocated are listed")
    func titles() {
        let parsed = parseSVG(sample.svg())
        let dotTitles = parsed.elements.filter { $0.name == "title" && $0.depth > 1 }.map(\.text)
        #expect(dotTitles == ["Null Island", "North-east", "Corner", "Eindhoven"])
        #expect(parsed.texts == ["Without coordinates: Nowhere"])
    }

    @Test("title and desc carry the coordinates")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Intelligent communities")
        #expect(parsed.desc == "World map of 5 communities, 4 with coordinates. Null Island (0°, 0°); North-east (45° N, 90° E); Corner (90° S, 180° W); Eindhoven (51.44° N, 5.47° E). Without coordinates: Nowhere.")
        expectAccessibleSVG(sample.svg())
    }

    @Test("names are escaped")
    func escaping() {
        let svg = WorldMap(title: nastyLabel, places: [.init(nastyLabel, latitude: 1, longitude: 2), .init(nastyLabel, latitude: nil, longitude: nil)]).svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;") && !svg.contains("<b>"))
        let parsed = parseSVG(svg)
        #expect(parsed.elements.filter { $0.name == "title" }.map(\.text) == [nastyLabel, nastyLabel])
        #expect(parsed.texts == ["Without coordinates: \(nastyLabel)"])
        expectAccessibleSVG(svg)
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
        #expect(parsed.all("circle").isEmpty)
        #expect(parsed.texts == ["No community has coordinates", "Without coordinates: NaN; Too far north; Too far east"])
        expectAccessibleSVG(invalid.svg())

        let many = WorldMap(title: "t", places: (1...40).map { .init("Community number \($0)", latitude: nil, longitude: nil) })
        let lines = many.unlocatedLines
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= WorldMap.lineLength })
        #expect(lines.joined(separator: " ") == "Without coordinates: " + (1...40).map { "Community number \($0)" }.joined(separator: "; "))
        let manyParsed = parseSVG(many.svg())
        #expect(manyParsed.texts.count == lines.count + 1)
        expectAccessibleSVG(many.svg())

        let empty = WorldMap(title: "none", places: []).svg()
        expectAccessibleSVG(empty)
        #expect(parseSVG(empty).texts == ["No communities"])
        #expect(parseSVG(empty).desc == "World map of 0 communities, 0 with coordinates.")
    }
}
