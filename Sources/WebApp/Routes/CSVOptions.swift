import Hummingbird

/// How a ranking download is written, beyond what it ranks: the header form (`?headers=`) and
/// the decimals of the scores (`?round=`).
///
/// The default is what people open in a spreadsheet: names beside codes in the header
/// (`Connectivity (Conn)`) and scores at full precision. `?headers=codes` gives the
/// machine-readable header of codes alone (`rank`, `code`, `Conn`, `rank5`, …), for scripts.
struct CSVOptions: Equatable {
    /// The header's form.
    enum Headers: String, Equatable {
        /// Names beside codes: `Connectivity (Conn)`.
        case names
        /// Codes alone: `Conn`.
        case codes
    }

    /// The most decimals `round` takes: beyond six a score carries noise, not information.
    static let maximumDecimals = 6

    var headers: Headers = .names
    /// The scores' decimals; `nil` for the shortest text that reads back to the same number.
    var round: Int?

    /// The options of `request`.
    ///
    /// - Throws: `HTTPError` 400 naming the field when `headers` is neither `names` nor
    ///   `codes`, or `round` is not a whole number from 0 to 6 written in digits alone (no
    ///   sign, exponent, fraction or `NaN`).
    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        if let text = parameters["headers"].map(String.init) {
            guard let headers = Headers(rawValue: text) else { throw HTTPError(.badRequest, message: "headers must be names or codes") }
            self.headers = headers
        }
        if let text = parameters["round"].map(String.init) {
            guard text.count == 1, let digit = text.first, digit.isASCII, let decimals = digit.wholeNumberValue, decimals <= Self.maximumDecimals else {
                throw HTTPError(.badRequest, message: "round must be a whole number of decimals from 0 to \(Self.maximumDecimals)")
            }
            round = decimals
        }
    }

    /// A score as the download writes it: rounded to `round` decimals (never `-0.00`), or
    /// Swift's shortest round-trip text; empty when missing.
    func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        guard let round else { return "\(value)" }
        return Show.fixed(value, decimals: round)
    }

    /// The text that keys a kept response: the options, canonical.
    var key: String { "\(headers.rawValue)|\(round.map(String.init) ?? "full")" }
}
