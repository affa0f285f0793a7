/// The demo questionnaire's words in French and Vietnamese, with help in all three languages,
/// so that the demo shows a cycle's questions translated as an organiser would write them.
struct DemoWording {
    /// The factor's summary in each language other than English.
    let summary: [String: String]
    /// The help of the headline data point, the gap to close and the narrative, by language.
    let headline: [String: String]
    let gap: [String: String]
    let programmes: [String: String]

    init(_ factor: Factor) {
        summary = Self.summaries[factor.code] ?? [:]
        headline = [
            "en": "The main figure your community reports for this factor, as a share in per cent (0 to 100).",
            "fr": "Le chiffre principal que votre communauté déclare pour ce facteur, en pourcentage (de 0 à 100).",
            "vi": "Số liệu chính mà cộng đồng của bạn báo cáo cho tiêu chí này, tính theo phần trăm (từ 0 đến 100).",
        ]
        gap = [
            "en": "The share, in per cent, still to be reached (for example households not yet connected); lower is better.",
            "fr": "La part, en pourcentage, qui reste à atteindre (par exemple les foyers pas encore raccordés) ; plus elle est basse, mieux c’est.",
            "vi": "Tỷ lệ phần trăm còn phải đạt được (ví dụ số hộ gia đình chưa được kết nối); càng thấp càng tốt.",
        ]
        programmes = [
            "en": "Whom your programmes reach, the evidence of their results and what they cost; the answer is scored from 1 to 10 on reach, evidence and results.",
            "fr": "Qui vos programmes touchent, les preuves de leurs résultats et ce qu’ils coûtent ; la réponse est notée de 1 à 10 sur la portée, les preuves et les résultats.",
            "vi": "Các chương trình của bạn tiếp cận những ai, bằng chứng về kết quả và chi phí của chúng; câu trả lời được chấm điểm từ 1 đến 10 về phạm vi tiếp cận, bằng chứng và kết quả.",
        ]
    }

    /// The questions' texts in a language, from the factor's summary there.
    func headlineText(_ language: String, _ s: String) -> String { language == "fr" ? "\(s) : donnée principale" : "\(s): số liệu chính" }
    func gapText(_ language: String, _ s: String) -> String { language == "fr" ? "\(s) : écart à combler" : "\(s): khoảng cách cần thu hẹp" }
    func programmesText(_ language: String, _ s: String) -> String {
        language == "fr" ? "Décrivez vos programmes en matière de \(s.lowercased())." : "Hãy mô tả các chương trình của bạn về \(s.lowercased())."
    }
    func changedText(_ language: String, _ s: String) -> String {
        language == "fr" ? "Depuis le Smart21 : qu’est-ce qui a changé en matière de \(s.lowercased()) ?" : "Từ khi vào Smart21: điều gì đã thay đổi về \(s.lowercased())?"
    }

    /// A question's French and Vietnamese wording: `text` from the summary, `help` if any, and
    /// the unit of the data points (per cent).
    func translations(_ text: (String, String) -> String, _ help: [String: String], unit: Bool = false) -> [String: Question.Wording] {
        var result: [String: Question.Wording] = [:]
        for (language, s) in summary {
            result[language] = Question.Wording(text: text(language, s), help: help[language], unit: unit ? (language == "fr" ? "pour cent" : "phần trăm") : nil)
        }
        return result
    }

    /// Each standard factor's summary in French and Vietnamese.
    static let summaries: [String: [String: String]] = [
        "Connect": ["fr": "Haut débit et services numériques", "vi": "Băng thông rộng và dịch vụ số"],
        "Work": ["fr": "Main-d’œuvre du savoir", "vi": "Lực lượng lao động tri thức"],
        "Innovate": ["fr": "Innovation", "vi": "Đổi mới sáng tạo"],
        "Engage": ["fr": "Plaidoyer et mobilisation", "vi": "Vận động và gắn kết"],
        "Include": ["fr": "Égalité numérique", "vi": "Bình đẳng số"],
        "Sustain": ["fr": "Durabilité", "vi": "Phát triển bền vững"],
    ]
}
