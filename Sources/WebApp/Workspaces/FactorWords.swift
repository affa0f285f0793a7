import Awards

/// A factor's name as the analysts' and jurors' pages show it: for the programme's six factors
/// the name with what it is about, in the page's language (`analyst.factors.<code>` in the
/// locale files); for a factor a cycle defines or renames itself, its name and summary as the
/// organisers wrote them.
enum FactorWords {
    /// "Connect — broadband and digital services".
    static func name(_ factor: Factor, _ pages: Pages) -> String {
        let key = "analyst.factors." + factor.code
        if factor.name == factor.code, case let translated = pages.phrase(key), translated != key { return translated }
        return factor.summary.isEmpty || factor.summary == factor.name ? factor.name : "\(factor.name) — \(factor.summary)"
    }
}
