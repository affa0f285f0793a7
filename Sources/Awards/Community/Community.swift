import Foundation

/// A community in the programme's network: a city, county, region or province.
public struct Community: Sendable, Codable, Equatable, Hashable {
    /// What kind of place a community is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case city, county, region, province, other
    }

    /// A stable identifier: the folded name and country (`binh-duong--vietnam`).
    public var id: String
    public var name: String
    public var country: String
    /// The world region (Asia, Europe, North America, …).
    public var region: String
    public var kind: Kind
    public var population: Int?
    public var latitude: Double?
    public var longitude: Double?
    public var website: String?
    /// Whether the community is a member of the network.
    public var member: Bool

    /// Creates a community; its id is derived from the name and country.
    public init(
        name: String, country: String, region: String? = nil, kind: Kind = .other, population: Int? = nil,
        latitude: Double? = nil, longitude: Double? = nil, website: String? = nil, member: Bool = false
    ) {
        self.id = Self.id(name: name, country: country)
        self.name = name
        self.country = country
        self.region = region ?? WorldRegion.of(country) ?? "Other"
        self.kind = kind
        self.population = population
        self.latitude = latitude
        self.longitude = longitude
        self.website = website
        self.member = member
    }

    /// The identifier of a community named `name` in `country`.
    public static func id(name: String, country: String) -> String {
        // Every nomination decoded names its community by this: ASCII text, as most names are,
        // folds straight to dashes, as the general way below gives it.
        if name.utf8.allSatisfy({ $0 < 0x80 }), country.utf8.allSatisfy({ $0 < 0x80 }) {
            return CommunityName.foldASCII(name, joiningWith: UInt8(ascii: "-")) + "--" + CommunityName.foldASCII(country, joiningWith: UInt8(ascii: "-"))
        }
        return CommunityName.fold(name).replacingOccurrences(of: " ", with: "-") + "--" + CommunityName.fold(country).replacingOccurrences(of: " ", with: "-")
    }

    /// Every problem with the record, one error per field.
    public func problems() -> [AwardsError] {
        var problems: [AwardsError] = []
        if name.allSatisfy(\.isWhitespace) { problems.append(AwardsError(.invalidValue, "the name is empty", field: "name")) }
        if country.allSatisfy(\.isWhitespace) { problems.append(AwardsError(.invalidValue, "the country is empty", field: "country")) }
        if let population, population < 0 { problems.append(AwardsError(.invalidValue, "the population cannot be negative", field: "population")) }
        if let latitude, !(-90...90).contains(latitude) { problems.append(AwardsError(.invalidValue, "the latitude must lie between -90 and 90", field: "latitude")) }
        if let longitude, !(-180...180).contains(longitude) { problems.append(AwardsError(.invalidValue, "the longitude must lie between -180 and 180", field: "longitude")) }
        if (latitude == nil) != (longitude == nil) { problems.append(AwardsError(.invalidValue, "give both coordinates or neither", field: latitude == nil ? "latitude" : "longitude")) }
        if let website, !(website.hasPrefix("https://") || website.hasPrefix("http://")) || website.contains(" ") {
            problems.append(AwardsError(.invalidValue, "'\(website)' is not a web address", field: "website"))
        }
        return problems
    }

    /// One community per name and country of the public record, every one a network member
    /// (recognition comes with membership), its kind guessed from its name.
    public static func all(from recognitions: [Recognition]) -> [Community] {
        CommunityHistory.all(recognitions).map { h in
            let lower = h.community.lowercased()
            let kind: Kind = lower.contains("county") ? .county : lower.contains("province") ? .province : lower.contains("region") ? .region : .other
            return Community(name: h.community, country: h.country, kind: kind, member: true)
        }
    }
}

/// The world region of the countries the programme has seen.
public enum WorldRegion {
    static let table: [String: String] = [
        "Australia": "Oceania", "New Zealand": "Oceania",
        "Canada": "North America", "United States": "North America",
        "Brazil": "Latin America", "Mexico": "Latin America", "Colombia": "Latin America", "Argentina": "Latin America", "Chile": "Latin America",
        "Finland": "Europe", "Estonia": "Europe", "France": "Europe", "United Kingdom": "Europe", "Portugal": "Europe", "Russia": "Europe",
        "Sweden": "Europe", "Norway": "Europe", "Denmark": "Europe", "Netherlands": "Europe", "Germany": "Europe", "Ireland": "Europe",
        "Kenya": "Africa", "Nigeria": "Africa", "South Africa": "Africa", "Rwanda": "Africa", "Ghana": "Africa",
        "India": "Asia", "Vietnam": "Asia", "Taiwan": "Asia", "Japan": "Asia", "Philippines": "Asia", "South Korea": "Asia",
        "China": "Asia", "Singapore": "Asia", "Malaysia": "Asia", "Indonesia": "Asia", "Thailand": "Asia",
    ]

    /// The region of `country`, if known.
    public static func of(_ country: String) -> String? { table[country] }
}
