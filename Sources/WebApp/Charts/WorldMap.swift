import Foundation

/// Communities as dots on an equirectangular projection over Natural Earth's land (see
/// `Land/README.md`) and a light graticule (every 30°, the equator and prime meridian a little
/// darker). Each dot is coloured by the highest stage its community reached, with a legend, and
/// links to the community's profile (`<a href>` around a `<circle class="place">`, the link named
/// by its `<title>`). Dots closer than `clusterDistance` merge into one larger dot labelled with
/// their count (`<g class="cluster">`), whose title lists the names. Communities without (valid)
/// coordinates are listed as text below the map.
///
/// Geometry (viewBox units): the map is `mapWidth × mapHeight` (720 × 360 by default) drawn at an
/// offset of `padding` on both axes (`<g transform="translate(padding,padding)">`); inside it a
/// point sits at x = (lon + 180)/360 · W, y = (90 − lat)/180 · H, so (0°, 0°) is the centre and
/// (90° N, 180° E) the top right corner. The land path is drawn on a 720 × 360 plane and scaled.
///
/// A coordinate is valid when both are finite, latitude is in −90…90 and longitude in −180…180.
struct WorldMap: Sendable {
    /// The highest stage a community reached: the timeline's stages, `none` reading as a nominee.
    typealias Stage = TimelineChart.Stage

    /// A community, where it is if known, and what it reached.
    struct Place: Sendable, Hashable {
        var name: String
        var latitude: Double?
        var longitude: Double?
        var stage: Stage
        var country: String
        var region: String
        /// The community's profile, which the dot links to.
        var link: String?

        init(_ name: String, latitude: Double?, longitude: Double?, stage: Stage = .none, country: String = "", region: String = "", link: String? = nil) {
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
            self.stage = stage
            self.country = country
            self.region = region
            self.link = link
        }

        /// The coordinates when both are present and in range.
        var coordinate: (latitude: Double, longitude: Double)? {
            guard let latitude, let longitude, latitude.isFinite, longitude.isFinite,
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
            return (latitude, longitude)
        }
    }

    /// Dots drawn as one: the places, most advanced stage first, and where the dot goes.
    struct Cluster: Sendable, Hashable {
        var places: [Place]
        var x: Double
        var y: Double
    }

    var title: String
    var places: [Place]
    var mapWidth: Double
    var mapHeight: Double
    var id: String?
    /// The language of its legend, titles and description.
    var words: ChartWords

    init(title: String, places: [Place], mapWidth: Double = 720, mapHeight: Double = 360, id: String? = nil, words: ChartWords = .english) {
        self.words = words
        self.title = title
        self.places = places
        self.mapWidth = mapWidth
        self.mapHeight = mapHeight
        self.id = id
    }

    static let padding: Double = 10
    static let dotRadius: Double = 4.5
    static let clusterRadius: Double = 8
    /// Dots whose centres are closer than this (viewBox units) would overlap, and are merged.
    static let clusterDistance: Double = 2 * dotRadius
    /// Characters per line of the "without coordinates" list.
    static let lineLength = 100
    /// The legend's height below the map.
    static let legendHeight: Double = 26

    /// The land as one SVG path on a 720 × 360 plane, from the module's resources; nil if missing.
    static let land: String? = Bundle.module.url(forResource: "land-110m", withExtension: "path", subdirectory: "Land")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The projected point inside the map (before the padding offset).
    func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude + 180) / 360 * mapWidth, (90 - latitude) / 180 * mapHeight)
    }

    /// A stage as the legend and titles name it.
    func label(_ stage: Stage) -> String {
        stage == .none ? words.say("map.nominee") : stage.title(words)
    }

    private var unlocated: [Place] { places.filter { $0.coordinate == nil } }

    /// The located places grouped into dots: taken most advanced stage first (then by name), each
    /// joins the first cluster whose first place lies within `clusterDistance`, else starts one;
    /// a cluster is drawn at its places' mean position.
    var clusters: [Cluster] {
        let order = places.filter { $0.coordinate != nil }.sorted { ($1.stage, $0.name) < ($0.stage, $1.name) }
        var groups: [(anchor: (x: Double, y: Double), members: [(place: Place, x: Double, y: Double)])] = []
        for place in order {
            guard let c = place.coordinate else { continue }
            let p = project(latitude: c.latitude, longitude: c.longitude)
            if let i = groups.firstIndex(where: { hypot($0.anchor.x - p.x, $0.anchor.y - p.y) < Self.clusterDistance }) {
                groups[i].members.append((place, p.x, p.y))
            } else {
                groups.append((p, [(place, p.x, p.y)]))
            }
        }
        return groups.map { g in
            let n = Double(g.members.count)
            return Cluster(places: g.members.map(\.place), x: g.members.map(\.x).reduce(0, +) / n, y: g.members.map(\.y).reduce(0, +) / n)
        }
    }

    /// "1 community" or "3 communities": the phrase `map.<key>One` for one, `map.<key>` for more.
    private func count(_ n: Int, _ key: String) -> String { words.say(n == 1 ? "map.\(key)One" : "map.\(key)", ["count": String(n)]) }

    /// The text alternative: how many communities in how many countries, where most are, the
    /// stages reached, how many share a dot, and those the map cannot place.
    var description: String {
        let countries = Set(places.map(\.country).filter { !$0.isEmpty })
        var first = count(places.count, "communities")
        if !countries.isEmpty { first = words.say("map.inCountries", ["communities": first, "countries": count(countries.count, "countries")]) }
        var regions: [String: Int] = [:]
        for p in places where !p.region.isEmpty { regions[p.region, default: 0] += 1 }
        let byRegion = regions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) (\($0.value))" }
        if let most = byRegion.first {
            first += byRegion.count > 1
                ? words.say("map.mostInThen", ["most": most, "then": words.list(Array(byRegion.dropFirst()))]) : words.say("map.mostIn", ["most": most])
        }
        var parts = [words.say("map.description", ["places": first])]
        let stages = Stage.allCases.reversed().compactMap { stage -> String? in
            let n = places.count { $0.stage == stage }
            guard n > 0 else { return nil }
            return stage == .none ? count(n, "nominees") : words.say("map.stageCount", ["count": String(n), "stage": stage.title(words)])
        }
        if places.contains(where: { $0.stage != .none }) { parts.append(words.say("map.highest", ["stages": words.list(stages)])) }
        let shared = clusters.filter { $0.places.count > 1 }
        if !shared.isEmpty {
            parts.append(words.say(
                "map.shared", ["communities": count(shared.reduce(0) { $0 + $1.places.count }, "sharing"), "dots": count(shared.count, "dots")]))
        }
        let missing = unlocated
        if !missing.isEmpty { parts.append(words.say("map.unlocated", ["names": missing.map(\.name).joined(separator: "; ")])) }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("map.title") : title }

    /// The names without coordinates, wrapped into lines for the list below the map.
    var unlocatedLines: [String] {
        let names = unlocated.map(\.name)
        guard !names.isEmpty else { return [] }
        let header = words.say("map.unlocatedHeader")
        var lines: [String] = []
        var current = header
        for (i, name) in names.enumerated() {
            let piece = name + (i < names.count - 1 ? ";" : "")
            if current != header, current.count + 1 + piece.count > Self.lineLength {
                lines.append(current)
                current = piece
            } else {
                current += " " + piece
            }
        }
        lines.append(current)
        return lines
    }

    func svg() -> String {
        let id = ChartSVG.id(explicit: id, prefix: "map", seed: "map|\(resolvedTitle)|\(description)|\(mapWidth)|\(mapHeight)")
        let c = ChartFormat.coordinate
        let w = mapWidth
        let h = mapHeight
        let lines = unlocatedLines
        let dots = clusters
        let legendTop = Self.padding * 2 + h
        let textTop = legendTop + Self.legendHeight
        let height = textTop + (lines.isEmpty ? 0 : 8 + Double(lines.count) * 16)
        // A group, not an image: its dots are links.
        var out = ChartSVG.open(id: id, kind: "map", width: w + 2 * Self.padding, height: height, title: resolvedTitle, description: description, role: "group")
        out += #"<g transform="translate(\#(c(Self.padding)),\#(c(Self.padding)))">"#

        // Land, then the graticule every 30°.
        out += #"<g class="graticule" aria-hidden="true" fill="none" stroke="\#(ChartPalette.grid)">"#
        out += #"<rect x="0" y="0" width="\#(c(w))" height="\#(c(h))" fill="\#(ChartPalette.background)"/>"#
        if let land = Self.land {
            // The stroke, in the land's colour, closes the hairlines between countries simplified apart.
            out += #"<path class="land" d="\#(land)" fill="\#(ChartPalette.land)" stroke="\#(ChartPalette.land)" stroke-width="0.8" stroke-linejoin="round" transform="scale(\#(c(w / 720)),\#(c(h / 360)))"/>"#
        }
        for lon in stride(from: -150, through: 150, by: 30) {
            let x = project(latitude: 0, longitude: Double(lon)).x
            out += ChartSVG.line(x, 0, x, h, stroke: lon == 0 ? ChartPalette.faint : ChartPalette.grid, width: lon == 0 ? 0.75 : 1)
        }
        for lat in stride(from: -60, through: 60, by: 30) {
            let y = project(latitude: Double(lat), longitude: 0).y
            out += ChartSVG.line(0, y, w, y, stroke: lat == 0 ? ChartPalette.faint : ChartPalette.grid, width: lat == 0 ? 0.75 : 1)
        }
        out += "</g>"

        if dots.isEmpty {
            out += ChartSVG.text(x: w / 2, y: h / 2 - 8, words.say(places.isEmpty ? "map.none" : "map.noneLocated"), anchor: "middle", fill: ChartPalette.muted, size: 14)
        }

        out += #"<g class="places">"#
        for dot in dots {
            let colour = (dot.places.map(\.stage).max() ?? .none).colour
            if dot.places.count == 1, let place = dot.places.first {
                let name = Markup.escape("\(place.name) — \(label(place.stage))")
                let circle = #"<circle class="place" cx="\#(c(dot.x))" cy="\#(c(dot.y))" r="\#(c(Self.dotRadius))" fill="\#(colour)" stroke="\#(ChartPalette.white)" stroke-width="1">"#
                if let link = place.link {
                    out += #"<a href="\#(Markup.escape(link))"><title>\#(name)</title>\#(circle)</circle></a>"#
                } else {
                    out += circle + "<title>\(name)</title></circle>"
                }
            } else {
                let names = dot.places.map { "\($0.name) (\(label($0.stage)))" }.joined(separator: "; ")
                out += #"<g class="cluster"><title>\#(Markup.escape(words.say("map.cluster", ["count": String(dot.places.count), "names": names])))</title>"#
                // Two digits need a wider dot.
                let r = Self.clusterRadius + (dot.places.count >= 10 ? 2.5 : 0)
                out += #"<circle cx="\#(c(dot.x))" cy="\#(c(dot.y))" r="\#(c(r))" fill="\#(colour)" stroke="\#(ChartPalette.white)" stroke-width="1"/>"#
                out += ChartSVG.text(x: dot.x, y: dot.y + 4, String(dot.places.count), anchor: "middle", fill: ChartPalette.white, weight: "600", size: 12)
                out += "</g>"
            }
        }
        out += "</g></g>"

        // The legend: one swatch per stage, and the cluster's meaning.
        out += #"<g class="legend" aria-hidden="true">"#
        var x = Self.padding
        for stage in Stage.allCases.reversed() {
            out += #"<circle cx="\#(c(x + Self.dotRadius))" cy="\#(c(legendTop + 8))" r="\#(c(Self.dotRadius))" fill="\#(stage.colour)"/>"#
            let name = label(stage)
            out += ChartSVG.text(x: x + 2 * Self.dotRadius + 4, y: legendTop + 12, name, fill: ChartPalette.text)
            x += 2 * Self.dotRadius + 4 + Double(name.count) * 6.5 + 14
        }
        out += ChartSVG.text(x: x, y: legendTop + 12, words.say("map.clusterKey"), fill: ChartPalette.muted)
        out += "</g>"

        if !lines.isEmpty {
            out += #"<g class="unlocated">"#
            for (i, line) in lines.enumerated() {
                out += ChartSVG.text(x: Self.padding, y: textTop + 16 + Double(i) * 16, line, fill: ChartPalette.text)
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}
