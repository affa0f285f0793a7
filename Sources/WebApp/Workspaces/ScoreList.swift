import Awards
import Hummingbird

/// A round's calibrated scores as an organiser's list: every scored nomination, searchable,
/// sortable by any column, with the shortlist the round decides — the Smart21 after round 1, the
/// Top7 after round 2 — marked row by row and its cut-off drawn as a line.
///
/// The shortlist is the one named, or, before it is named, the one the cycle's rule would name
/// from the scores as they stand (so that the organiser sees the borderline before confirming).
/// With balance rules (a cap per country, a minimum per region) the selected need not be the
/// top rows: the line is drawn under the last selected in rank order, and every row says
/// whether it is selected or passed over and why.
enum ScoreList {
    /// One nomination's row before it is put into words.
    private struct Row {
        var rank: Int?
        var sheet: ScoreSheet.Row
        /// The score the shortlist is made on (round 2: round 1 and round 2 weighted), if ranked.
        var listScore: Double?
        var status: String
    }

    static func build(_ request: Request, year: Int, store: any AwardsStore, pages: Pages) async throws -> OrganiserList {
        // A year with no cycle is a 404, not an empty list.
        _ = try await store.cycle(year)
        let listNames = ["1": "Smart21", "2": "Top7"]
        let roundFilter = try OrganiserList.Filter(
            "round", label: pages.phrase("cockpit.scores.round"),
            choices: ["1", "2"].map { .init($0, pages.phrase("cockpit.scores.roundChoice", ["round": $0, "list": listNames[$0] ?? ""])) },
            default: "1", request: request)
        let round = roundFilter.chosen == "2" ? 2 : 1
        let listName = listNames[roundFilter.chosen] ?? "Smart21"
        let search = try OrganiserList.Search(label: pages.phrase("cockpit.scores.searchLabel"), request: request)
        let methods = CycleRules.CalibrationChoice.allCases
        let keys: [String?] = ["rank", "nomination", "community", "country", "region", "score"] + (round == 2 ? ["listScore"] : []) + ["status", "reviews"]
            + methods.map { _ in nil } + [nil]
        let sorting = try OrganiserList.Sorting(keys, descendingFirst: ["score", "listScore", "reviews"], request: request)
        var columns = CockpitRoutes.columns(["rank", "nomination", "community", "country", "region", "score"], pages)
        if round == 2 { columns.append(pages.phrase("cockpit.scores.combined", ["list": listName])) }
        columns += [listName, pages.phrase("cockpit.columns.reviews")]
        columns += methods.map { pages.phrase("cockpit.scores.narrative", ["method": pages.phrase("calibrationMethods." + $0.rawValue)]) }
        columns += [pages.phrase("cockpit.columns.disagreement")]
        let title = pages.phrase("cockpit.scores.title", ["year": String(year), "round": String(round)])

        let reviews = try await store.reviews(cycle: year, round: round).filter { $0.state == .submitted }
        guard !reviews.isEmpty else {
            return OrganiserList(title: title, summary: pages.phrase("cockpit.scores.noScores"), columns: columns, rows: [], filters: [roundFilter], search: search, sorting: sorting)
        }
        let programme = Programme(store: store, actor: "")
        let sheet = try await programme.score(round: round, cycle: year)
        let named = try await store.shortlist(round == 1 ? "smart21" : "top7", cycle: year)
        var shortlist: Shortlist?
        var note: String
        if let named {
            shortlist = named
            note = pages.phrase("cockpit.scores.named", ["list": listName])
        } else {
            do throws(AwardsError) {
                shortlist = try await programme.provisionalShortlist(round: round, from: sheet, cycle: year)
                note = pages.phrase("cockpit.scores.provisional", ["list": listName])
            } catch {
                note = pages.phrase("cockpit.scores.noLine", ["reason": error.message])
            }
        }

        // Rank order is the shortlist's (its candidates are in rank order); without one, the sheet's.
        let order = shortlist?.candidates.map(\.nomination) ?? sheet.rows.map(\.nomination)
        let rankOf = Dictionary(order.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let listScores = Dictionary((shortlist?.candidates ?? []).map { ($0.nomination, $0.score) }, uniquingKeysWith: { a, _ in a })
        let selected = Set(shortlist?.selected ?? [])
        // A candidate is passed over only when its country has its places already (the
        // shortlist's reason is in English): said in the reader's language from the list itself.
        let placesPerCountry = Dictionary(grouping: (shortlist?.candidates ?? []).filter { selected.contains($0.nomination) }, by: \.country).mapValues(\.count)
        var rows = sheet.rows.map { r -> Row in
            var status = ""
            if selected.contains(r.nomination) {
                status = pages.phrase("cockpit.scores.selected")
            } else if shortlist?.passedOver[r.nomination] != nil {
                let places = placesPerCountry[r.country] ?? 0
                let reason = pages.phrase(places == 1 ? "cockpit.scores.countryFullOne" : "cockpit.scores.countryFull", ["country": r.country, "count": String(places)])
                status = pages.phrase("cockpit.scores.passedOver", ["reason": reason])
            }
            return Row(rank: rankOf[r.nomination], sheet: r, listScore: listScores[r.nomination], status: status)
        }
        rows = rows.filter { search.matches([$0.sheet.nomination, $0.sheet.community, $0.sheet.country, $0.sheet.region]) }
        sort(&rows, by: sorting)

        // The line lies under the last selected row in rank order, shown only on the whole list in rank order.
        var line: (after: Int, words: String)?
        if let shortlist, let last = shortlist.selected.compactMap({ rankOf[$0] }).max() {
            if sorting.chosen == "rank", !sorting.descending, search.text.isEmpty, let score = listScores[order[last - 1]] {
                line = (last, pages.phrase("cockpit.scores.line", ["list": listName, "selected": String(shortlist.selected.count), "score": pages.format.score(score)]))
            } else {
                note += " " + pages.phrase("cockpit.scores.sortForLine")
            }
        }
        let format = pages.format
        return OrganiserList(
            title: title,
            summary: pages.phrase("cockpit.scores.summary", [
                "count": String(sheet.rows.count), "reviews": String(reviews.count), "method": pages.phrase("calibrationMethods." + sheet.calibration.rawValue),
            ]),
            columns: columns,
            rows: rows.map { row in
                let r = row.sheet
                var cells = [row.rank.map(String.init) ?? "", r.nomination, r.community, r.country, r.region, format.score(r.overall)]
                if round == 2 { cells.append(format.score(row.listScore)) }
                cells += [row.status, String(r.reviews)]
                cells += methods.map { format.score(r.narrativeByMethod[$0.rawValue]) }
                cells.append(r.disagreements.joined(separator: ", "))
                return cells
            },
            filters: [roundFilter], search: search, sorting: sorting, line: line, note: note)
    }

    /// Sorts `rows` by the chosen column; rows without a value for it come last either way,
    /// and equal values keep rank order.
    private static func sort(_ rows: inout [Row], by sorting: OrganiserList.Sorting) {
        func number(_ row: Row) -> Double? {
            switch sorting.chosen {
            case "rank": row.rank.map(Double.init)
            case "score": row.sheet.overall.isFinite ? row.sheet.overall : nil
            case "listScore": row.listScore
            case "reviews": Double(row.sheet.reviews)
            default: nil
            }
        }
        func text(_ row: Row) -> String {
            switch sorting.chosen {
            case "nomination": row.sheet.nomination
            case "community": row.sheet.community
            case "country": row.sheet.country
            case "region": row.sheet.region
            default: row.status
            }
        }
        let numeric = ["rank", "score", "listScore", "reviews"].contains(sorting.chosen)
        rows.sort { a, b in
            let (ra, rb) = (a.rank ?? .max, b.rank ?? .max)
            if numeric {
                switch (number(a), number(b)) {
                case let (x?, y?) where x != y: return sorting.descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return ra < rb
                }
            }
            let order = text(a).localizedStandardCompare(text(b))
            if order == .orderedSame { return ra < rb }
            return sorting.descending ? order == .orderedDescending : order == .orderedAscending
        }
    }
}
