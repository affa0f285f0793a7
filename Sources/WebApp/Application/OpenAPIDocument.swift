import Awards
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
        var content: [String: [String: Schema]]

        init(_ schema: Schema) {
            content = ["application/json": ["schema": schema]]
        }
    }

    struct Components: Encodable {
        var securitySchemes = ["bearerAuth": [
            "type": "http", "scheme": "bearer",
            "description": "An API token from your account page. Each operation lists the scope its token needs: read, submit (your own nomination, review or ballot) or manage (organisers: phases, publication).",
        ]]
    }

    struct Parameter: Encodable {
        var name: String
        var `in` = "path"
        var required = true
        var schema = Schema()

        /// A path parameter; a year is a whole number of four digits.
        static func path(_ name: String) -> Parameter {
            Parameter(name: name, schema: name == "year" ? Schema(type: "integer", minimum: 1000, maximum: 9999) : Schema())
        }

        /// An optional query parameter; a factor is one of the programme's factor codes, a year four digits.
        static func query(_ name: String) -> Parameter {
            let schema = switch name {
            case "factor": Schema(enum: [""] + Factor.standard.map(\.code))
            case "year": Schema(type: "integer", minimum: 1000, maximum: 9999)
            default: Schema()
            }
            return Parameter(name: name, in: "query", required: false, schema: schema)
        }
    }

    /// A JSON Schema, as much of it as the API needs.
    final class Schema: Encodable, Sendable {
        let type: String?
        let minimum: Int?
        let maximum: Int?
        let `enum`: [String]?
        let properties: [String: Schema]?
        let required: [String]?
        let items: Schema?
        let additionalProperties: Schema?
        let anyOf: [Schema]?

        init(
            type: String? = "string", minimum: Int? = nil, maximum: Int? = nil, enum values: [String]? = nil,
            properties: [String: Schema]? = nil, required: [String]? = nil, items: Schema? = nil, additionalProperties: Schema? = nil,
            anyOf: [Schema]? = nil
        ) {
            self.anyOf = anyOf
            self.type = type
            self.minimum = minimum
            self.maximum = maximum
            self.enum = values
            self.properties = properties
            self.required = required
            self.items = items
            self.additionalProperties = additionalProperties
        }

        /// An object with these properties, the `required` ones required.
        static func object(_ properties: [String: Schema], required: [String]) -> Schema {
            Schema(type: "object", properties: properties, required: required)
        }
    }

    struct Response: Encodable {
        var description: String
        var headers: [String: Header]?

        init(description: String, headers: [String: Header]? = nil) {
            self.description = description
            self.headers = headers
        }
    }

    struct Header: Encodable {
        var description: String
        var required = true
        var schema = Schema()
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
            if !names.isEmpty {
                responses["404"] = Response(description: "Not found")
                responses["400"] = Response(description: "A parameter cannot be used")
            }
            if !route.query.isEmpty {
                responses["400"] = Response(description: "A parameter cannot be used")
                // A parameter may name what is not there (a community, an index, a unit).
                responses["404"] = responses["404"] ?? Response(description: "A parameter names nothing there is")
            }
            if let target = route.movedTo {
                // A moved route answers nothing but the redirect, whatever its parameters.
                responses = ["308": Response(description: "Moved permanently to \(target), with the same query", headers: ["Location": Header(description: "The new address")])]
            }
            if route.access != .everyone {
                responses["401"] = Response(description: "No valid API token")
                responses["403"] = Response(description: "The token lacks the scope, or its account's role may not do this")
            }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = Operation(
                summary: route.summary, parameters: names.map(Parameter.path) + route.query.map(Parameter.query), requestBody: route.body.map(RequestBody.init),
                responses: responses, security: route.access == .everyone ? nil : [["bearerAuth": route.scope.map { [$0.rawValue] } ?? []]])
        }
        self.paths = paths
    }
}
