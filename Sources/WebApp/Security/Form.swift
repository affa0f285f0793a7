import Foundation
import Hummingbird

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`).
struct Form: Sendable {
    /// The fields in the order sent; a name may repeat.
    let fields: [(name: String, value: String)]

    /// The largest form body accepted.
    static let maximumSize = 1 << 20

    /// Reads the form from a request body.
    static func read(_ request: Request) async throws -> Form {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType, message: "send the form as application/x-www-form-urlencoded")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw HTTPError(.contentTooLarge, message: "the form is larger than \(maximumSize / 1024) KiB")
        }
        return Form(encoded: String(buffer: body))
    }

    /// Parses URL-encoded `name=value&…` text.
    init(encoded: String) {
        fields = encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The first value of `name`, trimmed; a 400 error naming the field when it is missing or blank.
    func required(_ name: String) throws -> String {
        let value = (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw HTTPError(.badRequest, message: "the field '\(name)' is required") }
        return value
    }
}
