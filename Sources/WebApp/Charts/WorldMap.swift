/// Communities as dots on an equirectangular projection over a light graticule (every 30°, the
/// equator and prime meridian a little darker) — no coastlines, so no external map data. Each dot
/// is a `<circle class="place">` carrying a `<title>` naming its community; communities without
/// (valid) coordinates are listed as text below the map.
///
/// Geometry (viewBox units): the map is `mapWidth × mapHeight` (720 × 360 by default) drawn at an
/// offset of `padding` on both axes (`<g transform="translate(padding,padding)">`); inside it a
/// point sits at x = (lon + 180)/360 · W, y = (90 − lat)/180 · H.
///
/// A coordinate is valid when both are finite, latitude is in −90…90 and longitude in −180…180.
struct WorldMap: Sendable, Hashable {
    /// A community and where it is, if known.
    struct Place: Sendable, Hashable {
        var name: String
        var latitude: Double?
        var longitude: Double?

        init(_ name: String, latitude: Double?, longitude: Double?) {
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
        }

        /// The coordinates when both are present and in range.
        var coordinate: (latitude: Double, longitude: Double)? {
            guard let latitude, let longitude, latitude.isFinite, longitude.isFinite,
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
            return (latitude, longitude)
        }
    }

    var title: String
    var places: [Place]
    var mapWidth: Double
    var mapHeight: Double
    var id: String?

    init(title: String, places: [Place], mapWidth: Double = 720, mapHeight: Double = 360, id: String? = nil) {
        self.title = title
        self.places = places
        self.mapWidth = mapWidth
        self.mapHeight = mapHeight
        self.id = id
    }

    static let padding: Double = 10
    static let dotRadius: Double = 4.5
    /// Characters per line of the "without coordinates" list.
    static let lineLength = 100

    /// The projected point inside the map (before the padding offset).
    func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude + 180) / 360 * mapWidth, (90 - latitude) / 180 * mapHeight)
    }

    private static func degrees(_ value: Double, positive: String, negative: String) -> String {
        let text = ChartFormat.fixed(abs(value), decimals: 2)
        if text == "0" { return "0°" }
        return "\(text)° \(value < 0 ? negative : positive)"
    }

    private var located: [(place: Place, latitude: Double, longitude: Double)] {
        places.compactMap { p in p.coordinate.map { (p, $0.latitude, $0.longitude) } }
    }

    private var unlocated: [Place] { places.filter { $0.coordinate == nil } }

    var description: String {
        let here = located
        let missing = unlocated
        var parts = ["World map of \(places.count) communit\(places.count == 1 ? "y" : "ies"), \(here.count) with coordinates."]
        if !here.isEmpty {
            parts.append(here.map {
                "\($0.place.name) (\(Self.degrees($0.latitude, positive: "N", negative: "S")), \(Self.degrees($0.longitude, positive: "E", negative: "W")))"
            }.joined(separator: "; ") + ".")
        }
        if !missing.isEmpty {
            parts.append("Without coordinates: \(missing.map(\.name).joined(separator: "; ")).")
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? "Map of communities" : title }

    /// The names without coordinates, wrapped into lines for the list below the map.
    var unlocatedLines: [String] {
        let names = unlocated.map(\.name)
        guard !names.isEmpty else { return [] }
        let header = "Without coordinates:"
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
        let emptyNote = located.isEmpty
        let textTop = Self.padding * 2 + h
        let height = textTop + (lines.isEmpty ? 0 : 8 + Double(lines.count) * 16)
        var out = ChartSVG.open(id: id, kind: "map", width: w + 2 * Self.padding, height: height, title: resolvedTitle, description: description)
        out += #"<g transform="translate(\#(c(Self.padding)),\#(c(Self.padding)))">"#

        // Graticule every 30°.
        out += #"<g class="graticule" aria-hidden="true" fill="none" stroke="\#(ChartPalette.grid)">"#
        out += #"<rect x="0" y="0" width="\#(c(w))" height="\#(c(h))" fill="\#(ChartPalette.background)"/>"#
        for lon in stride(from: -150, through: 150, by: 30) {
            let x = project(latitude: 0, longitude: Double(lon)).x
            out += ChartSVG.line(x, 0, x, h, stroke: lon == 0 ? ChartPalette.faint : ChartPalette.grid, width: lon == 0 ? 0.75 : 1)
        }
        for lat in stride(from: -60, through: 60, by: 30) {
            let y = project(latitude: Double(lat), longitude: 0).y
            out += ChartSVG.line(0, y, w, y, stroke: lat == 0 ? ChartPalette.faint : ChartPalette.grid, width: lat == 0 ? 0.75 : 1)
        }
        out += "</g>"

        if emptyNote {
            out += ChartSVG.text(x: w / 2, y: h / 2 - 8, places.isEmpty ? "No communities" : "No community has coordinates", anchor: "middle", fill: ChartPalette.muted, size: 14)
        }

        out += #"<g class="places">"#
        for item in located {
            let p = project(latitude: item.latitude, longitude: item.longitude)
            out += #"<circle class="place" cx="\#(c(p.x))" cy="\#(c(p.y))" r="\#(c(Self.dotRadius))" fill="\#(ChartPalette.accent)" stroke="\#(ChartPalette.white)" stroke-width="1">"#
            out += "<title>\(Markup.escape(item.place.name))</title></circle>"
        }
        out += "</g></g>"

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
