/// How the jurors' ballots are weighted in a count.
public enum GroupWeighting: String, Sendable, Codable, CaseIterable {
    /// Every ballot carries weight 1.
    case perJuror
    /// Every juror group's ballots together carry weight 1, shared equally among the group's jurors.
    case equalGroups
}
