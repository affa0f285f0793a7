import Foundation

/// What one score means on one factor's rubric — "a 5 on Connect: established programmes with
/// some evidence of results" — shown beside the analysts' score input so that every analyst
/// reads the scale alike.
///
/// A cycle holds a few anchor points per factor (2, 5 and 9 by default); the organisers may
/// change their words, move them or add others anywhere on the cycle's scale.
public struct ScoreDescriptor: Sendable, Hashable, Codable {
    /// The factor's code.
    public var factor: String
    /// The anchor point on the cycle's scale.
    public var score: Double
    /// What the score means, in English.
    public var text: String
    /// The meaning in other languages, by language code (`fr`, `vi`); a language without one
    /// shows the English.
    public var translations: [String: String]?

    /// Creates a descriptor.
    public init(factor: String, score: Double, text: String, translations: [String: String]? = nil) {
        self.factor = factor
        self.score = score
        self.text = text
        self.translations = translations
    }

    /// The meaning in `language` (a code such as `fr`), the English where it has no translation.
    public func text(in language: String) -> String {
        translations?[language] ?? text
    }

    /// The anchor points every new cycle starts with, and cycles stored before descriptors read
    /// back with.
    public static let standardAnchors: [Double] = [2, 5, 9]

    /// The default descriptors of `factors` at the standard anchors that lie on the scale
    /// `low` to `high` (none on a scale that is not a range of numbers): one
    /// wording per anchor, naming what the factor is about, for each of the programme's six
    /// factors (`Factor.standard`); a factor of another code gets none, since nothing sensible
    /// can be said of it without its organisers.
    public static func standard(for factors: [Factor], low: Double, high: Double) -> [ScoreDescriptor] {
        factors.flatMap { factor -> [ScoreDescriptor] in
            guard let subject = StandardWords.subjects[factor.code] else { return [] }
            return standardAnchors.filter { $0 >= low && $0 <= high }.compactMap { anchor in
                guard let template = StandardWords.anchors[anchor] else { return nil }
                func fill(_ language: String) -> String {
                    (template[language] ?? "").replacingOccurrences(of: "{subject}", with: subject[language] ?? "")
                }
                return ScoreDescriptor(factor: factor.code, score: anchor, text: fill("en"), translations: ["fr": fill("fr"), "vi": fill("vi")])
            }
        }
    }

    /// The words of the default descriptors: what each factor is about, and what each anchor
    /// says of it, in English, French and Vietnamese.
    private enum StandardWords {
        static let subjects: [String: [String: String]] = [
            "Connect": ["en": "broadband and digital services", "fr": "le haut débit et les services numériques", "vi": "băng thông rộng và dịch vụ số"],
            "Work": ["en": "the knowledge workforce", "fr": "la main-d’œuvre du savoir", "vi": "lực lượng lao động tri thức"],
            "Innovate": ["en": "innovation", "fr": "l’innovation", "vi": "đổi mới sáng tạo"],
            "Engage": ["en": "advocacy and engagement", "fr": "la mobilisation et l’engagement", "vi": "vận động và gắn kết cộng đồng"],
            "Include": ["en": "digital equality", "fr": "l’égalité numérique", "vi": "bình đẳng số"],
            "Sustain": ["en": "sustainability", "fr": "la durabilité", "vi": "phát triển bền vững"],
        ]
        static let anchors: [Double: [String: String]] = [
            2: [
                "en": "Weak: few programmes for {subject}, little evidence and no measured results.",
                "fr": "Faible : peu de programmes pour {subject}, peu de preuves et aucun résultat mesuré.",
                "vi": "Yếu: ít chương trình về {subject}, ít bằng chứng và chưa có kết quả đo được.",
            ],
            5: [
                "en": "Sound: established programmes for {subject}, with some evidence of results, reaching part of the community.",
                "fr": "Solide : des programmes établis pour {subject}, avec quelques preuves de résultats, qui touchent une partie de la communauté.",
                "vi": "Khá: có các chương trình ổn định về {subject}, với một số bằng chứng về kết quả, đến được một phần cộng đồng.",
            ],
            9: [
                "en": "Exemplary: programmes for {subject} that reach the whole community, with measured results that others could follow.",
                "fr": "Exemplaire : des programmes pour {subject} qui touchent toute la communauté, avec des résultats mesurés dont d’autres pourraient s’inspirer.",
                "vi": "Xuất sắc: các chương trình về {subject} đến được toàn bộ cộng đồng, với kết quả đo được mà nơi khác có thể học theo.",
            ],
        ]
    }
}

extension Cycle {
    /// The descriptors of `factor`, lowest score first.
    public func descriptors(of factor: String) -> [ScoreDescriptor] {
        descriptors.filter { $0.factor == factor }.sorted { $0.score < $1.score }
    }

    /// Checks the descriptors as new settings are checked: each of a factor of the cycle, its
    /// score a finite number on the cycle's scale and given once per factor, its text and every
    /// translation (under a language code) not empty. Each error names `descriptors[i]` and
    /// the field.
    public func validateDescriptors() throws(AwardsError) {
        let codes = Set(factors.map(\.code))
        var anchors: Set<String> = []
        for (i, descriptor) in descriptors.enumerated() {
            let field = "descriptors[\(i)]"
            guard codes.contains(descriptor.factor) else {
                throw AwardsError(.unknownReference, "the descriptor belongs to the unknown factor '\(descriptor.factor)'", field: "\(field).factor")
            }
            let score = descriptor.score
            guard score.isFinite, score >= rules.scaleLow, score <= rules.scaleHigh else {
                throw AwardsError(
                    .invalidValue,
                    "the descriptor of \(descriptor.factor) must describe a score between \(Question.text(rules.scaleLow)) and \(Question.text(rules.scaleHigh)), not \(Question.text(score))",
                    field: "\(field).score")
            }
            guard anchors.insert("\(descriptor.factor) \(score == 0 ? 0 : score)").inserted else {
                throw AwardsError(.duplicate, "\(descriptor.factor) has two descriptors of the score \(Question.text(score))", field: "\(field).score")
            }
            guard !descriptor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AwardsError(.invalidValue, "the descriptor of \(descriptor.factor) at \(Question.text(score)) needs a text", field: "\(field).text")
            }
            for (code, text) in (descriptor.translations ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard (2...3).contains(code.count), code.allSatisfy({ ("a"..."z").contains($0) }) else {
                    throw AwardsError(.invalidValue, "'\(code)' is not a language code (two or three lower-case letters, e.g. fr)", field: "\(field).translations")
                }
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw AwardsError(.invalidValue, "the '\(code)' text of the descriptor of \(descriptor.factor) at \(Question.text(score)) is empty", field: "\(field).translations.\(code)")
                }
            }
        }
    }
}
