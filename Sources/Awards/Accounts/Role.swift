/// What a person does on the platform; each account has one role.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Runs the programme: cycles, phases, assignment, shortlists, publication, users.
    case admin
    /// Scores the nominations assigned to them.
    case analyst
    /// Ranks the Top7.
    case juror
    /// Speaks for one community: its nomination, feedback and case studies.
    case community
}
