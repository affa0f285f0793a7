/// The OpenAPI 3.1 document of the JSON API, made from the route table so it cannot drift from
/// the real routes.
struct OpenAPIDocument: Encodable {
    struct Info: Encodable {
        var title = "Civic Index API"
        var version = "1.0.0"
        var description = "Rankings of the index, unit profiles and the network's communities. Errors have one shape: {\"error\": {\"message\": …}}."
    }

    struct Operation: Encodable {
        var summary: String
        var parameters: [Parameter]
        var responses: [String: Response]
        var security: [[String: [String]]]?
    }

    struct Parameter: Encodable {
        var name: String
        var `in` = "path"
        var required = true
        var schema = ["type": "string"]
    }

    struct Response: Encodable {
        var description: String
    }

    var openapi = "3.1.0"
    var info = Info()
    var paths: [String: [String: Operation]]

    init<Context>(routes: [RouteTable<Context>.Entry]) {
        var paths: [String: [String: Operation]] = [:]
        for route in routes where route.path.hasPrefix("/api/") {
            let names = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            var responses = ["200": Response(description: "OK")]
            if !names.isEmpty { responses["404"] = Response(description: "Not found") }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = Operation(
                summary: route.summary, parameters: names.map { Parameter(name: $0) }, responses: responses,
                security: route.access == .everyone ? nil : [["session": []]])
        }
        self.paths = paths
    }
}
