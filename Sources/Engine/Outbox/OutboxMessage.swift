public import Domain
public import Money

/// A message for the outbox: Channels renders and sends it on `plannedDay` within `window`.
public struct OutboxMessage: Hashable, Sendable, Codable {
    /// The natural key `DOSSIER/DAY/TEMPLATE`: writing it twice is a no-op.
    public let id: String
    /// The dossier.
    public let dossierID: Dossier.ID
    /// The channel.
    public let channel: Channel
    /// The template.
    public let template: String
    /// The day to send it.
    public let plannedDay: Day
    /// The hours it may go out (quiet hours respected).
    public let window: ContactWindow
    /// Why, for the journal and the agent.
    public let reason: String
    /// Sent in the client's own name (pre-collection), not the agency's.
    public let inClientName: Bool
    /// The deadline it states, if any (the 14-day letter's last day).
    public let deadline: Day?

    /// A message.
    public init(dossierID: Dossier.ID, channel: Channel, template: String, plannedDay: Day, window: ContactWindow,
                reason: String, inClientName: Bool = false, deadline: Day? = nil) {
        self.id = "\(dossierID.rawValue)/\(plannedDay)/\(template)"
        self.dossierID = dossierID
        self.channel = channel
        self.template = template
        self.plannedDay = plannedDay
        self.window = window
        self.reason = reason
        self.inClientName = inClientName
        self.deadline = deadline
    }

    /// The contact it makes, for the person's contact history.
    public var contact: ContactRecord { ContactRecord(day: plannedDay, channel: channel, dossierID: dossierID) }
}
