/// One factor of an awards framework, such as Connect or Include, with its weight.
public struct Factor: Sendable, Hashable, Codable {
    /// A short code, used in files and the index (`Connect`).
    public var code: String
    /// The factor's name for people.
    public var name: String
    /// What the factor is about.
    public var summary: String
    /// The factor's weight in the overall score.
    public var weight: Double

    /// Creates a factor.
    public init(code: String, name: String, summary: String = "", weight: Double = 1) {
        self.code = code
        self.name = name
        self.summary = summary
        self.weight = weight
    }

    /// The programme's six factors, equally weighted.
    public static let standard: [Factor] = [
        Factor(code: "Connect", name: "Connect", summary: "Broadband and digital services"),
        Factor(code: "Work", name: "Work", summary: "Knowledge workforce"),
        Factor(code: "Innovate", name: "Innovate", summary: "Innovation"),
        Factor(code: "Engage", name: "Engage", summary: "Advocacy and engagement"),
        Factor(code: "Include", name: "Include", summary: "Digital equality"),
        Factor(code: "Sustain", name: "Sustain", summary: "Sustainability"),
    ]
}
