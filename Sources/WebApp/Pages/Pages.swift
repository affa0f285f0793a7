import Foundation
import Hummingbird
import Mustache

/// The server-rendered pages: Mustache templates shipped with the module.
public struct Pages: Sendable {
    let library: MustacheLibrary

    /// Loads the templates from the module's resources.
    static func load() async throws -> Pages {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw HTTPError(.internalServerError, message: "the page templates are missing")
        }
        return Pages(library: try await MustacheLibrary(directory: directory))
    }

    /// Renders `template` with `context` as an HTML response.
    func render(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "the page template \(template) is missing")
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Number formatting shared by the pages.
enum Show {
    /// A score with two decimals, or an em dash when missing.
    static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.2f", value)
    }

    /// A (possibly weighted) count: whole numbers without decimals.
    static func count(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
