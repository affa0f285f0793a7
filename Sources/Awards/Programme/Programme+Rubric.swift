import Foundation

extension Programme {
    /// Replaces what the anchor points of each factor's rubric mean, after checking them as new
    /// settings are checked (each error names `descriptors[i]` and the field). Until the
    /// results are published: after that the rubric the scores were given on is on record.
    public func setDescriptors(_ descriptors: [ScoreDescriptor], cycle year: Int) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        guard try await store.publication(cycle: year) == nil else {
            throw AwardsError(.invalidState, "the \(year) results are published; the rubric can no longer change", field: "descriptors")
        }
        cycle.descriptors = descriptors
        try cycle.validateDescriptors()
        try await store.updateCycle(cycle, by: actor)
    }
}
