import Awards
import IndexEngine

/// A cycle's first-round questionnaire as the community fills it in, in the page's language:
/// the questions grouped by factor with their help, unit and accepted range, how many are
/// answered, and the answers a form sends read back with every problem named by its question.
///
/// The form and the review page are both made from it, so they show the same questions in the
/// same order and words. The programme checks every answer again when it is saved; the checks
/// here come first so that the community reads them in its own language.
struct QuestionnaireForm {
    let cycle: Cycle
    let pages: Pages

    /// The questions of the nomination, in the cycle's order.
    var questions: [Question] { cycle.questions(round: 1) }

    /// A form's answers read into a nomination.
    struct Reading {
        /// The nomination with every readable answer, and the evidence links.
        var nomination: Nomination
        /// Each answer as typed, to show again when the form comes back.
        var typed: [String: String]
        /// The problem of each question that has one, by question id.
        var problems: [String: String]

        /// Every problem, in the questionnaire's order, as one alert.
        func summary(_ questions: [Question]) -> String? {
            let messages = questions.compactMap { problems[$0.id] }
            return messages.isEmpty ? nil : messages.joined(separator: " ")
        }
    }

    /// Reads `form` (`answer-<id>` fields and `evidence`) into `nomination`. An empty field
    /// clears the answer; a number is read with a decimal point or comma and must be finite and
    /// within the question's range (`NaN`, `Infinity` and `1e300` are problems, `-0` is 0).
    func read(_ form: Form, into nomination: Nomination) -> Reading {
        var reading = Reading(nomination: nomination, typed: [:], problems: [:])
        for question in questions {
            let text = (form["answer-\(question.id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            reading.typed[question.id] = text
            guard !text.isEmpty else {
                reading.nomination.answers[question.id] = nil
                continue
            }
            guard question.isQuantitative else {
                reading.nomination.answers[question.id] = .text(text)
                continue
            }
            guard let value = DecimalNumber.parse(text, decimalComma: true) else {
                reading.problems[question.id] = problem("workspace.notANumber", question, typed: text)
                continue
            }
            if question.problem(with: value) != nil {
                reading.problems[question.id] = problem(value.isFinite ? "workspace.outOfRange" : "workspace.notFinite", question, typed: text)
                continue
            }
            reading.nomination.answers[question.id] = .number(value == 0 ? 0 : value)
        }
        reading.nomination.evidence = (form["evidence"] ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return reading
    }

    /// The required questions `nomination` leaves unanswered, each as a problem naming it.
    func missing(_ nomination: Nomination) -> [String: String] {
        var problems: [String: String] = [:]
        for question in questions where question.required && nomination.answers[question.id] == nil {
            problems[question.id] = problem("workspace.missing", question, typed: "")
        }
        return problems
    }

    /// "12 of 18 questions answered", and the two counts for a progress bar.
    func progress(_ nomination: Nomination) -> [String: Any] {
        let answered = questions.count { nomination.answers[$0.id] != nil }
        return [
            "answered": answered, "total": questions.count,
            "text": pages.phrase("workspace.progress", ["answered": String(answered), "total": String(questions.count)]),
        ]
    }

    /// The questions by factor, in the cycle's factor order, for the form and the review page:
    /// each with its words in the page's language, range, answer (as typed when `typed` has
    /// it, as stored otherwise, or as the review page shows it) and problem.
    func groups(_ nomination: Nomination, typed: [String: String] = [:], problems: [String: String] = [:]) -> [[String: Any]] {
        cycle.factors.compactMap { factor -> [String: Any]? in
            let asked = questions.filter { $0.factor == factor.code }
            guard !asked.isEmpty else { return nil }
            return ["factor": factor.name, "code": factor.code, "questions": asked.map { entry($0, nomination, typed: typed, problem: problems[$0.id]) }]
        }
    }

    private func entry(_ question: Question, _ nomination: Nomination, typed: [String: String], problem: String?) -> [String: Any] {
        let wording = question.wording(in: pages.language.rawValue)
        var entry: [String: Any] = [
            "id": question.id, "text": wording.text, "number": question.isQuantitative,
            "requirement": pages.phrase(question.required ? "workspace.required" : "workspace.optional"),
        ]
        // The field's value is as the programme reads it back (a decimal point, which the form
        // also takes in every language); the review shows the answer in the page's language.
        switch nomination.answers[question.id] {
        case let .number(n)?:
            entry["value"] = Show.count(n)
            entry["shown"] = pages.format.count(n) + (wording.unit.map { " " + $0 } ?? "")
        case let .text(t)?:
            entry["value"] = t
            entry["shown"] = t
        case nil:
            entry["value"] = ""
        }
        if let typed = typed[question.id] { entry["value"] = typed }
        if let help = wording.help, !help.isEmpty { entry["help"] = help }
        if let problem { entry["fieldProblem"] = problem }
        // The declared range with its unit (older cycles declare none, and show the unit alone).
        if question.isQuantitative, question.min != nil, question.max != nil {
            let range = question.accepted
            entry["range"] = ["text": pages.phrase("workspace.range", [
                "low": pages.format.count(range.lowerBound), "high": pages.format.count(range.upperBound), "unit": wording.unit.map { " " + $0 } ?? "",
            ])]
        } else if let unit = wording.unit {
            entry["unit"] = unit
        }
        return entry
    }

    /// The problem `key` about `question`, naming it by id and words, with the range and `typed`.
    private func problem(_ key: String, _ question: Question, typed: String) -> String {
        let wording = question.wording(in: pages.language.rawValue)
        let range = question.accepted
        return pages.phrase(key, [
            "question": question.id, "text": wording.text, "typed": typed,
            "low": pages.format.count(range.lowerBound), "high": pages.format.count(range.upperBound), "unit": wording.unit.map { " " + $0 } ?? "",
        ])
    }
}
