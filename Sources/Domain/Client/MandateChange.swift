import Money

/// One change of a client's mandate, kept for the file: who changed it, when, from what to what.
/// Collection agencies must keep their files (Wki quality rules); a credit manager or auditor asks
/// why a dossier went to court, or why interest stopped, and the answer starts here.
public struct MandateChange: Hashable, Sendable {
    /// The client.
    public let clientID: Client.ID
    /// The change's number for this client, from 1 in the order made.
    public let sequence: Int
    /// Wall-clock time of the change (ISO 8601), as the shell gave it.
    public let changedAt: String
    /// Who made it (an operator's name or account).
    public let changedBy: String
    /// The mandate before.
    public let before: Mandate
    /// The mandate after.
    public let after: Mandate

    /// A change with every detail given.
    public init(
        clientID: Client.ID, sequence: Int, changedAt: String, changedBy: String, before: Mandate, after: Mandate
    ) {
        precondition(sequence >= 1, "changes are numbered from 1")
        self.clientID = clientID
        self.sequence = sequence
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.before = before
        self.after = after
    }

    /// The fields that differ, by their stored names, with the values before and after as text.
    public var differences: [(field: String, before: String, after: String)] {
        Mandate.fields.compactMap { field, text in
            let (old, new) = (text(before), text(after))
            return old == new ? nil : (field, old, new)
        }
    }
}

extension Mandate {
    /// Each field of a mandate by its stored name, with its value as text.
    static let fields: [(String, @Sendable (Mandate) -> String)] = [
        ("mayGoToCourt", { String($0.mayGoToCourt) }),
        ("mayFreezeInterest", { String($0.mayFreezeInterest) }),
        ("mayContactDebtCounsellors", { String($0.mayContactDebtCounsellors) }),
        ("maxArrangementMonths", { String($0.maxArrangementMonths) }),
        ("waivesStatutoryInterest", { String($0.waivesStatutoryInterest) }),
        ("commission", { $0.commission.description }),
    ]
}
