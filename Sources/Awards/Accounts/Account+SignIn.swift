extension Account {
    /// What a successful sign-in step does to the account, the same in every store: a TOTP step
    /// is remembered, so that it and every earlier one are refused from then on, and the first
    /// accepted code confirms a pending second factor.
    ///
    /// Stores call it inside the sign-in's transaction, on the account read there, so that two
    /// requests racing with one code cannot both succeed.
    ///
    /// - Returns: the account to store (nil when it does not change) and the audit action.
    /// - Throws: `.invalidState` naming `code` when the step was used, or the second factor was
    ///   reset meanwhile.
    public func signingIn(totpStep: Int64?) throws(AwardsError) -> (changed: Account?, action: String) {
        guard let totpStep else { return (nil, "sign-in") }
        if let last = lastTOTPStep, totpStep <= last {
            throw AwardsError(.invalidState, "this TOTP code has been used", field: "code")
        }
        guard totpSecret != nil else { throw AwardsError(.invalidState, "the second factor was reset", field: "code") }
        var account = self
        account.lastTOTPStep = totpStep
        account.secondFactorConfirmed = true
        return (account, secondFactorConfirmed ? "sign-in" : "second-factor-enrolled")
    }

    /// The account as the audit log shows it: no password hash, no TOTP secret.
    public func auditJSON() throws -> String {
        var copy = self
        copy.passwordHash = "(redacted)"
        copy.totpSecret = copy.totpSecret.map { _ in "(redacted)" }
        return try StoredJSON.encode(copy)
    }
}
