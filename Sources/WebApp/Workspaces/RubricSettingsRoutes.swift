import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The organisers' page of a cycle's rubric: what each anchor point of each factor's score
/// means, in English and every page language, as the analysts read it beside their score.
///
/// The form has one row per descriptor and a blank one per factor to add an anchor: fields
/// `d<i>-factor`, `d<i>-score`, `d<i>-text` and `d<i>-<language>`; a row left empty is dropped.
/// A problem comes back on the form naming the row's field (`d3-score`).
enum RubricSettingsRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/admin/cycles/{year}/rubric", access: .only(.admin), summary: "What each factor's scores mean, as the analysts read them; the form to change it") { _, context in
            let identity = try context.requireIdentity()
            let cycle = try await store.cycle(try context.parameters.require("year", as: Int.self))
            return try pages.render("admin-rubric", Self.page(identity, cycle: cycle, rows: Self.rows(cycle.descriptors), pages: pages))
        }

        routes.form("/admin/cycles/{year}/rubric", access: .only(.admin), summary: "Replaces what each factor's scores mean") { _, context, form in
            let identity = try context.requireIdentity()
            let cycle = try await store.cycle(try context.parameters.require("year", as: Int.self))
            let typed = Self.read(form)
            do {
                let parsed = try Self.descriptors(typed)
                try await Programme(store: store, actor: identity.actor, now: now()).setDescriptors(parsed.map(\.descriptor), cycle: cycle.year)
            } catch var error as AwardsError {
                error.field = Self.formField(error.field, typed)
                var page = Self.page(identity, cycle: cycle, rows: typed, pages: pages)
                page["problem"] = pages.problem(error)
                return try pages.render("admin-rubric", page, status: error.kind.httpStatus)
            }
            return Respond.redirect(to: "/admin/cycles/\(cycle.year)/rubric")
        }
    }

    /// One row of the form as typed: its index in the form, factor, score and words by language.
    struct Row {
        var index: Int
        var factor: String
        var score: String
        var words: [Language: String]

        var isEmpty: Bool { score.isEmpty && words.values.allSatisfy(\.isEmpty) }
    }

    /// The form's rows for `descriptors`, as stored.
    static func rows(_ descriptors: [ScoreDescriptor]) -> [Row] {
        descriptors.enumerated().map { i, d in
            var words: [Language: String] = [.en: d.text]
            for language in Language.allCases where language != .en { words[language] = d.translations?[language.rawValue] ?? "" }
            return Row(index: i, factor: d.factor, score: Show.count(d.score), words: words)
        }
    }

    /// Every row the form sends, in its order.
    static func read(_ form: Form) -> [Row] {
        var rows: [Row] = []
        var i = 0
        while let factor = form["d\(i)-factor"] {
            var words: [Language: String] = [:]
            for language in Language.allCases {
                words[language] = (form["d\(i)-\(language == .en ? "text" : language.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            rows.append(Row(index: i, factor: factor, score: (form["d\(i)-score"] ?? "").trimmingCharacters(in: .whitespaces), words: words))
            i += 1
        }
        return rows
    }

    /// The descriptors of the rows that are not empty, each with its row; a score that is not a
    /// number is an error naming the row's field. An empty translation is left out (the English
    /// shows), so only the English text is required.
    static func descriptors(_ rows: [Row]) throws(AwardsError) -> [(row: Int, descriptor: ScoreDescriptor)] {
        try rows.filter { !$0.isEmpty }.map { (row: Row) throws(AwardsError) -> (row: Int, descriptor: ScoreDescriptor) in
            guard let score = DecimalNumber.parse(row.score, decimalComma: true) else {
                throw AwardsError(.invalidValue, "'\(row.score)' is not a score (e.g. 5 or 7.5)", field: "d\(row.index)-score")
            }
            var translations: [String: String] = [:]
            for (language, text) in row.words where language != .en && !text.isEmpty { translations[language.rawValue] = text }
            return (row.index, ScoreDescriptor(
                factor: row.factor, score: score == 0 ? 0 : score, text: row.words[.en] ?? "", translations: translations.isEmpty ? nil : translations))
        }
    }

    /// The form's field for a programme's `descriptors[k].part`: `d<row>-score`, `d<row>-text`,
    /// `d<row>-fr`; other fields as they are.
    static func formField(_ field: String?, _ rows: [Row]) -> String? {
        guard let field, field.hasPrefix("descriptors[") else { return field }
        let inside = field.dropFirst("descriptors[".count).prefix { $0 != "]" }
        let kept = rows.filter { !$0.isEmpty }
        guard let k = Int(inside), kept.indices.contains(k) else { return field }
        let part = field.dropFirst("descriptors[".count + inside.count + 1).drop { $0 == "." }
        let name = part.hasPrefix("translations.") ? String(part.dropFirst("translations.".count)) : part.isEmpty ? "text" : String(part)
        return "d\(kept[k].index)-\(name)"
    }

    /// The page: a fieldset per factor with its rows and a blank one, numbered on from `rows`.
    static func page(_ identity: Identity, cycle: Cycle, rows: [Row], pages: Pages) -> [String: Any] {
        var page = Workspace.base(identity, title: pages.phrase("analyst.rubric.title", ["year": String(cycle.year)]))
        page["year"] = cycle.year
        page["scale"] = pages.phrase("analyst.rubric.scale", ["low": pages.format.count(cycle.rules.scaleLow), "high": pages.format.count(cycle.rules.scaleHigh)])
        var next = (rows.map(\.index).max() ?? -1) + 1
        page["factors"] = cycle.factors.map { factor -> [String: Any] in
            var own = rows.filter { $0.factor == factor.code }
            own.append(Row(index: next, factor: factor.code, score: "", words: [:]))
            next += 1
            return ["code": factor.code, "name": FactorWords.name(factor, pages), "rows": own.map { row -> [String: Any] in
                [
                    "index": row.index, "factor": row.factor, "score": row.score, "text": row.words[.en] ?? "",
                    "translations": Language.allCases.filter { $0 != .en }.map { ["code": $0.rawValue, "name": $0.name, "text": row.words[$0] ?? "", "index": row.index] },
                ]
            }]
        }
        return page
    }
}
