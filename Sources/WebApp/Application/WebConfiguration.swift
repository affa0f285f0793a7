/// How the web platform starts: where it listens and where its data are.
public struct WebConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on (0 picks a free one).
    public var port: Int
    /// The SQLite database of the awards programme.
    public var database: String
    /// The build spec of the index shown on the rankings pages.
    public var indexSpec: String
    /// The uncertainty analysis behind the rank intervals, if any.
    public var analysis: String?

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: String = "civic.sqlite", indexSpec: String = "Examples/asem/asem.json", analysis: String? = "Examples/asem/sensitivity.json") {
        self.host = host
        self.port = port
        self.database = database
        self.indexSpec = indexSpec
        self.analysis = analysis
    }
}
