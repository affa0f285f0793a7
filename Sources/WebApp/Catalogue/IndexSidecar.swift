import Foundation

/// The file beside an index's build spec that describes it as the platform hosts it
/// (`index.json`): its address, name and provenance, and which spec, data and analysis make it.
///
/// The build spec belongs to the engine and its decoder refuses keys it does not know, so what
/// only the platform needs lives here. Decoding is as strict: an unknown field, a missing one or
/// one of the wrong type is refused with the file and the field named.
///
/// ```json
/// { "slug": "asem", "name": "ASEM Sustainable Connectivity", "description": "…", "provenance": "…",
///   "spec": "asem.json", "data": "ASEM_iData_p.csv", "analysis": "sensitivity.json",
///   "years": [2018, 2019], "groupValues": { "EurAsia_group": { "Asia": "Asia" } } }
/// ```
struct IndexSidecar: Equatable {
    /// The sidecar's file name in an index's directory.
    static let fileName = "index.json"

    var slug: String
    /// The index's name; the spec's when absent.
    var name: String?
    var description: String
    var provenance: String
    /// The build spec, relative to the sidecar.
    var spec: String
    /// The data to build from in place of the spec's own (its `iData`, or its `values`), such as
    /// a panel with one year per edition; relative to the sidecar.
    var data: String?
    /// The uncertainty and sensitivity analysis of the latest edition, relative to the sidecar.
    var analysis: String?
    /// The years to build; every year of the data when absent. Data without a time column
    /// make one edition, whose year must be given here.
    var years: [Int]?
    /// Names of group values, by group column and value.
    var groupValues: [String: [String: String]]

    private enum Field: String, CodingKey, CaseIterable {
        case slug, name, description, provenance, spec, data, analysis, years, groupValues
    }

    /// Reads the sidecar at `path`.
    ///
    /// - Throws: `IndexLoadingError` naming `path` and, where one is at fault, the field.
    static func read(path: String) throws(IndexLoadingError) -> IndexSidecar {
        guard let data = FileManager.default.contents(atPath: path) else { throw IndexLoadingError(file: path, "cannot be read") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw IndexLoadingError(file: path, "is not a JSON object")
        }
        let known = Field.allCases.map(\.rawValue)
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw IndexLoadingError(file: path, field: unknown, "is not a field of an index file (its fields: \(known.joined(separator: ", ")))")
        }
        let sidecar: IndexSidecar
        do {
            sidecar = try JSONDecoder().decode(IndexSidecar.self, from: data)
        } catch let error as IndexLoadingError {
            throw IndexLoadingError(file: path, field: error.field, error.problem)
        } catch let DecodingError.keyNotFound(key, _) {
            throw IndexLoadingError(file: path, field: key.stringValue, "is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().dropFirst()
            throw IndexLoadingError(file: path, field: field.isEmpty ? nil : String(field), "has the wrong type: \(Self.expected[context.codingPath.first?.stringValue ?? ""] ?? "see the documentation")")
        } catch {
            throw IndexLoadingError(file: path, "cannot be read: \(error)")
        }
        return sidecar
    }

    /// What each field holds, for errors.
    private static let expected = [
        "slug": "text", "name": "text", "description": "text", "provenance": "text", "spec": "a path", "data": "a path",
        "analysis": "a path", "years": "a list of whole years", "groupValues": "an object of group columns, each an object naming values with text",
    ]
}

extension IndexSidecar: Decodable {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        func text(_ field: Field) throws -> String? {
            guard let value = try c.decodeIfPresent(String.self, forKey: field) else { return nil }
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw IndexLoadingError(file: "", field: field.rawValue, "is empty")
            }
            return value
        }
        func required(_ field: Field) throws -> String {
            guard let value = try text(field) else { throw IndexLoadingError(file: "", field: field.rawValue, "is missing") }
            return value
        }
        slug = try required(.slug)
        guard HostedIndex.isValidSlug(slug) else {
            throw IndexLoadingError(file: "", field: "slug", "'\(slug)' is not a slug: 1–64 lower-case letters, digits and single inner hyphens")
        }
        name = try text(.name)
        description = try required(.description)
        provenance = try required(.provenance)
        spec = try required(.spec)
        data = try text(.data)
        analysis = try text(.analysis)
        // Read as numbers and checked here: Foundation reports a fraction where an Int is
        // expected without the path to it.
        if let numbers = try c.decodeIfPresent([Double].self, forKey: .years) {
            let years = numbers.compactMap { Int(exactly: $0) }
            guard !years.isEmpty, years.count == numbers.count, years.allSatisfy({ (1000...9999).contains($0) }) else {
                throw IndexLoadingError(file: "", field: "years", "must be a non-empty list of years (whole numbers 1000–9999)")
            }
            guard Set(years).count == years.count else { throw IndexLoadingError(file: "", field: "years", "names a year twice") }
            self.years = years
        } else {
            years = nil
        }
        groupValues = try c.decodeIfPresent([String: [String: String]].self, forKey: .groupValues) ?? [:]
    }
}

/// An index that cannot be loaded: the file at fault, the field when one is, and what is wrong.
public struct IndexLoadingError: Error, Equatable, CustomStringConvertible {
    /// The file (or directory) at fault.
    public var file: String
    /// The field of the file at fault, if one is.
    public var field: String?
    /// What is wrong, as the end of a sentence.
    public var problem: String

    init(file: String, field: String? = nil, _ problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    /// "Examples/asem/index.json: slug 'ASEM' is not a slug: …".
    public var description: String {
        "\(file): " + (field.map { "\($0) " } ?? "") + problem
    }
}
