/// What an assignment run produced: a plan, or the report of why none exists.
public enum AssignmentOutcome: Sendable, Equatable {
    /// Every nomination has its analysts.
    case assigned(AssignmentPlan)
    /// No plan satisfies every constraint.
    case infeasible(AssignmentInfeasibility)
}
