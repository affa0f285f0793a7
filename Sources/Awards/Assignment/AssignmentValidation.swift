extension AnalystAssignment {
    /// Checks identifiers, numbers and overrides, so that the network can be built without surprises.
    func validate() throws(AwardsError) {
        guard analystsPerNomination >= 1 else {
            throw AwardsError(.invalidValue, "each nomination needs at least one analyst, not \(analystsPerNomination)", field: "analystsPerNomination")
        }
        guard loadBalancingCost.isFinite, loadBalancingCost >= 0 else {
            throw AwardsError(.invalidValue, "the load-balancing cost must be a finite number ≥ 0, not \(loadBalancingCost)", field: "loadBalancingCost")
        }
        var nominationIDs = Set<String>()
        for nomination in nominations where !nominationIDs.insert(nomination.id).inserted {
            throw AwardsError(.duplicate, "nomination '\(nomination.id)' is listed twice")
        }
        var analystIDs = Set<String>()
        for analyst in analysts {
            guard analystIDs.insert(analyst.id).inserted else {
                throw AwardsError(.duplicate, "analyst '\(analyst.id)' is listed twice")
            }
            guard analyst.loadCap >= 0 else {
                throw AwardsError(.invalidValue, "analyst '\(analyst.id)' has a negative load cap (\(analyst.loadCap))", field: "loadCap")
            }
        }
        func check(_ pair: Pairing, _ what: String) throws(AwardsError) {
            guard nominationIDs.contains(pair.nomination) else {
                throw AwardsError(.unknownReference, "\(what) names unknown nomination '\(pair.nomination)'")
            }
            guard analystIDs.contains(pair.analyst) else {
                throw AwardsError(.unknownReference, "\(what) names unknown analyst '\(pair.analyst)'")
            }
        }
        for preference in preferences {
            try check(Pairing(nomination: preference.nomination, analyst: preference.analyst), "a preference")
            guard preference.reduction.isFinite else {
                throw AwardsError(.invalidValue, "the preference of '\(preference.nomination)' for '\(preference.analyst)' is not a finite number", field: "reduction")
            }
        }
        for pair in overrides.forbidden { try check(pair, "a forbidden pair") }
        try validateForced(Set(overrides.forbidden))
    }

    /// Forced pairs must be distinct, not forbidden, free of conflicts and at most k per nomination.
    private func validateForced(_ forbidden: Set<Pairing>) throws(AwardsError) {
        var seen = Set<Pairing>()
        var perNomination: [String: Int] = [:]
        let nominationByID = Dictionary(nominations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let analystByID = Dictionary(analysts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for pair in overrides.forced {
            guard let nomination = nominationByID[pair.nomination] else {
                throw AwardsError(.unknownReference, "a forced pair names unknown nomination '\(pair.nomination)'")
            }
            guard let analyst = analystByID[pair.analyst] else {
                throw AwardsError(.unknownReference, "a forced pair names unknown analyst '\(pair.analyst)'")
            }
            guard seen.insert(pair).inserted else {
                throw AwardsError(.duplicate, "the pair '\(pair.nomination)'–'\(pair.analyst)' is forced twice")
            }
            guard !forbidden.contains(pair) else {
                throw AwardsError(.invalidValue, "the pair '\(pair.nomination)'–'\(pair.analyst)' is both forced and forbidden")
            }
            // Conflicts are hard exclusions: an override cannot lift one (change the rules or the declaration instead).
            let reasons = exclusionReasons(nomination, analyst, forbidden: [])
            guard reasons.isEmpty else {
                let words = reasons.map(\.description).joined(separator: ", ")
                throw AwardsError(.conflictOfInterest, "analyst '\(pair.analyst)' cannot be forced onto nomination '\(pair.nomination)': \(words)")
            }
            perNomination[pair.nomination, default: 0] += 1
            guard perNomination[pair.nomination, default: 0] <= analystsPerNomination else {
                throw AwardsError(.invalidValue, "nomination '\(pair.nomination)' has more forced analysts than the \(analystsPerNomination) it needs")
            }
        }
    }
}
