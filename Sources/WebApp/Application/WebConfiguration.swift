import Logging

/// How the web platform starts: where it listens, where its data are, and how it logs and
/// protects its sessions.
public struct WebConfiguration: Sendable, Equatable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on (0 picks a free one).
    public var port: Int
    /// Where the platform keeps its data: the path of an SQLite file, or a `postgres://` URL
    /// (see `PlatformDatabase`).
    public var database: String
    /// The indices hosted, in order (the first is the home page's): each a directory with an
    /// `index.json`, a directory of such directories, or a bare build spec (see
    /// `IndexCatalogue.load(paths:analysis:)`).
    public var indices: [String]
    /// The uncertainty analysis behind the rank intervals of the indices given as a bare build
    /// spec, if any (an index's `index.json` names its own).
    public var analysis: String?
    /// The least severe level that is logged.
    public var logLevel: Logger.Level
    /// The JSON configuration file the settings were read from, if any.
    public var configFile: String?
    /// Whether cookies are marked `Secure` (sent over HTTPS only): off by default, because the
    /// platform starts on plain HTTP on the loopback address.
    public var secureCookies: Bool
    /// The bcrypt cost of new password hashes (each step doubles the work).
    public var bcryptCost: UInt8
    /// How long a connection may stay silent — idle between requests, or sending a request's
    /// head or body too slowly — before the server closes it, so that slow clients cannot hold
    /// every connection open.
    public var idleTimeout: Duration
    /// The addresses of the proxies (load balancers) in front of the server. A request from one
    /// of them is taken to come from the address it names in `X-Forwarded-For`, so that sign-in
    /// limits count each client, not the proxy; no other peer is believed.
    public var trustedProxies: [String]
    /// The SMTP relay the platform's messages go to (`smtp://[user:password@]host:port`); with
    /// none, messages stay queued in the outbox.
    public var smtpURL: String?
    /// Who the messages come from: `Name <address>` or an address.
    public var mailFrom: String
    /// The platform's address as people reach it (`https://awards.example.org`), for the links in
    /// its messages; `http://host:port` when not given.
    public var publicURL: String?

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: String = "civic.sqlite", indices: [String] = ["Examples/asem"],
        analysis: String? = "Examples/asem/sensitivity.json", logLevel: Logger.Level = .info, configFile: String? = nil,
        secureCookies: Bool = false, bcryptCost: UInt8 = 12, idleTimeout: Duration = .seconds(30), trustedProxies: [String] = [],
        smtpURL: String? = nil, mailFrom: String = MailSender.standard.description, publicURL: String? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.indices = indices
        self.analysis = analysis
        self.logLevel = logLevel
        self.configFile = configFile
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.idleTimeout = idleTimeout
        self.trustedProxies = trustedProxies
        self.smtpURL = smtpURL
        self.mailFrom = mailFrom
        self.publicURL = publicURL
    }

    /// Where the links in messages lead: `publicURL`, else the address the server listens on.
    var linkBase: String {
        let base = publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// The ports a server can listen on.
    public static let ports = 0...65535
    /// The bcrypt costs HummingbirdBcrypt accepts; it stops the process on any other.
    public static let bcryptCosts = 4...31
    /// The names of the log levels, least severe first.
    public static let logLevelNames = Logger.Level.allCases.map(\.rawValue)
}
