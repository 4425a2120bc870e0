/// A bailiff's act (ambtshandeling) on the legal track whose fee is fixed by the Besluit tarieven
/// ambtshandelingen gerechtsdeurwaarders.
public enum BailiffAct: String, Hashable, Sendable, Codable, CaseIterable {
    /// Serving the summons (dagvaarding).
    case summons
    /// Serving the judgment (betekening vonnis).
    case serviceOfJudgment = "service-of-judgment"
    /// Attachment of wages (loonbeslag).
    case attachmentOfWages = "attachment-of-wages"
}
