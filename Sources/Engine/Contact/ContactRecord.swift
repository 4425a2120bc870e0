public import Domain
public import Money

/// One contact made (or planned) with a person, by any client's dossier: the input of the weekly cap.
public struct ContactRecord: Hashable, Sendable, Codable {
    /// The day of the contact.
    public let day: Day
    /// The channel used.
    public let channel: Channel
    /// The dossier it was for (any client's).
    public let dossierID: Dossier.ID

    /// A contact on `day` by `channel` for `dossierID`.
    public init(day: Day, channel: Channel, dossierID: Dossier.ID) {
        self.day = day
        self.channel = channel
        self.dossierID = dossierID
    }
}
