/// The OpenAPI 3.1 document of the JSON API, made from the route table so it cannot drift from
/// the real routes.
struct OpenAPIDocument: Encodable {
    struct Info: Encodable {
        var title = "Civic Index API"
        var version = "1.0.0"
        var description = "Rankings of the index, unit profiles, the network's communities, cycle results and the programme's operations. Errors have one shape: {\"error\": {\"message\": …}}."
    }

    struct Operation: Encodable {
        var summary: String
        var parameters: [Parameter]
        var requestBody: RequestBody?
        var responses: [String: Response]
        var security: [[String: [String]]]?
    }

    struct RequestBody: Encodable {
        var required = true
        var content = ["application/json": ["schema": ["type": "object"]]]
    }

    struct Components: Encodable {
        var securitySchemes = ["bearerAuth": ["type": "http", "scheme": "bearer", "description": "An API token from your account page"]]
    }

    struct Parameter: Encodable {
        var name: String
        var `in` = "path"
        var required = true
        var schema = ["type": "string"]

        /// An optional query parameter.
        static func query(_ name: String) -> Parameter { Parameter(name: name, in: "query", required: false) }
    }

    struct Response: Encodable {
        var description: String
    }

    var openapi = "3.1.0"
    var info = Info()
    var paths: [String: [String: Operation]]
    var components = Components()

    init<Context>(routes: [RouteTable<Context>.Entry]) {
        var paths: [String: [String: Operation]] = [:]
        for route in routes where route.path.hasPrefix("/api/") {
            let names = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            var responses = route.kind == .api
                ? ["200": Response(description: "Done"), "201": Response(description: "Created"), "400": Response(description: "Malformed body"), "409": Response(description: "Not allowed in this phase or state"), "422": Response(description: "Breaks a rule of the programme")]
                : ["200": Response(description: "OK")]
            if !names.isEmpty { responses["404"] = Response(description: "Not found") }
            if !route.query.isEmpty { responses["400"] = Response(description: "A query parameter cannot be used") }
            if route.access != .everyone {
                responses["401"] = Response(description: "No valid API token")
                responses["403"] = Response(description: "The token's role may not do this")
            }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = Operation(
                summary: route.summary, parameters: names.map { Parameter(name: $0) } + route.query.map(Parameter.query), requestBody: route.kind == .api ? RequestBody() : nil,
                responses: responses, security: route.access == .everyone ? nil : [["bearerAuth": []]])
        }
        self.paths = paths
    }
}
