/// The rules an account's e-mail address follows: a plain ASCII `local@domain`, the form every
/// relay accepts without extensions, and nothing that could end a header line (CR, LF) or add a
/// second recipient (`,`, `;`, `<`, `>`), since the address is written into the message's
/// `To:` header and the relay's `RCPT TO` command.
public enum EmailAddress {
    /// The characters a local part may use besides letters and digits (RFC 5322's dot-atom).
    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")

    /// The address written in a form or on the command line, trimmed: `nil` when empty, else the
    /// address if it is one, or an error naming `field` that says what is wrong.
    public static func chosen(_ text: String?, field: String = "email") throws(AwardsError) -> String? {
        let address = (text ?? "").trimmingCharacters(in: .whitespaces)
        if address.isEmpty { return nil }
        if let problem = problem(address) { throw AwardsError(.invalidValue, problem, field: field) }
        return address
    }

    /// What is wrong with `address` as an e-mail address, or `nil` when it is one.
    public static func problem(_ address: String) -> String? {
        guard address.count <= 254, address.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0.asciiValue.map { $0 > 31 && $0 < 127 } == true }) else {
            return "the e-mail address must be at most 254 ASCII characters without spaces or line breaks"
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "the e-mail address must have one '@' between a name and a domain (name@example.org)" }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.count), local.allSatisfy({ $0.isLetter || $0.isNumber || localSymbols.contains($0) }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else {
            return "the part before '@' must be 1 to 64 letters, digits or !#$%&'*+/=?^_`{|}~.- (no leading, trailing or double dot)"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard !domain.isEmpty,
            labels.allSatisfy({ label in
                (1...63).contains(label.count) && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && !label.hasPrefix("-") && !label.hasSuffix("-")
            })
        else {
            return "the domain after '@' must be names of letters, digits and '-' separated by dots (example.org)"
        }
        return nil
    }
}
