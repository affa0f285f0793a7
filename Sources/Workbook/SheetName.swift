/// Worksheet names as Excel accepts them.
enum SheetName {
    /// Excel's longest sheet name.
    static let maximumLength = 31

    /// `names` made acceptable and unique, in order: `[ ] : * ? / \` become spaces, characters
    /// XML cannot hold are dropped, a name is cut to 31 characters, an empty one becomes
    /// `Sheet`, and a name met before (ignoring case, as Excel does) gets ` (2)`, ` (3)`, … —
    /// cut so that the whole still fits.
    static func unique(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            let refused = Set("[]:*?/\\".unicodeScalars)
            var scalars = String.UnicodeScalarView()
            for scalar in name.unicodeScalars where XMLText.isAllowed(scalar) { scalars.append(refused.contains(scalar) ? " " : scalar) }
            var base = String(scalars)
            // Excel refuses a name that starts or ends with an apostrophe.
            base = base.trimmingApostrophes()
            if base.isEmpty { base = "Sheet" }
            var candidate = String(base.prefix(maximumLength))
            var n = 1
            while taken.contains(candidate.lowercased()) {
                n += 1
                let suffix = " (\(n))"
                candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }
}

extension String {
    fileprivate func trimmingApostrophes() -> String {
        String(drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed())
    }
}
