/// One time a person read a debtor's personal data through the product (a dossier shown, a debtor
/// exported), kept apart from the journal: the journal is the history of the collection, this is the
/// history of who looked. AVG/GDPR art. 5(2) and 32: the agency shows who had access and when.
public struct PersonalDataAccess: Hashable, Sendable, Codable {
    /// Its place in the log, from 1 in the order recorded (nil before it is stored).
    public let sequence: Int64?
    /// Wall-clock time of the access (ISO 8601), as the shell gave it.
    public let accessedAt: String
    /// Who read it (an operator's name or account).
    public let accessedBy: String
    /// The debtor record whose data was read.
    public let debtorID: Debtor.ID
    /// The dossier it was read for, when it was one dossier.
    public let dossierID: Dossier.ID?
    /// What read it, e.g. `dossier show` or `debtor export`.
    public let action: String

    /// An access with every detail given; `accessedBy` and `action` are not empty.
    public init(
        sequence: Int64? = nil, accessedAt: String, accessedBy: String, debtorID: Debtor.ID, dossierID: Dossier.ID?,
        action: String
    ) {
        precondition(!accessedBy.isEmpty && !action.isEmpty, "an access names who and what")
        self.sequence = sequence
        self.accessedAt = accessedAt
        self.accessedBy = accessedBy
        self.debtorID = debtorID
        self.dossierID = dossierID
        self.action = action
    }
}
