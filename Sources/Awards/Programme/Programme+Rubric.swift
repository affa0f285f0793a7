import Foundation

extension Programme {
    /// Replaces what the anchor points of each factor's rubric mean, after checking them as new
    /// settings are checked (each error names `descriptors[i]` and the field). Until the
    /// results are published: after that the rubric the scores were given on is on record.
    public func setDescriptors(_ descriptors: [ScoreDescriptor], cycle year: Int) async throws(AwardsError) {
        try await changeUnpublished(cycle: year, what: "the rubric", field: "descriptors") { cycle throws(AwardsError) in
            cycle.descriptors = descriptors
            try cycle.validateDescriptors()
        }
    }
}
