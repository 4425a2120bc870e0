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

// A planned message writes and reads its canonical JSON directly: the daily run writes one for most
// steps, and dispatch reads each back (docs/performance.md). Reading throws wherever `init(from:)`
// would read differently, so that `CanonicalJSONDecoder` reads such a text through Codable.
extension OutboxMessage: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("channel", channel)
        writer.field("deadline", deadline)
        writer.field("dossierID", dossierID.rawValue)
        writer.field("id", id)
        writer.field("inClientName", inClientName)
        writer.field("plannedDay", plannedDay)
        writer.field("reason", reason)
        writer.field("template", template)
        writer.field("window", window)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let dossier = try object.string("dossierID")
        guard !dossier.isEmpty else { throw CanonicalJSONObject.Mismatch() }
        self.init(
            dossierID: Dossier.ID(dossier), channel: try object.raw("channel"), template: try object.string("template"),
            plannedDay: try object.day("plannedDay"), window: try object.decode("window"),
            reason: try object.string("reason"), inClientName: try object.bool("inClientName"), deadline: try object.day(ifPresent: "deadline"))
        // The id is made from the other fields; a stored one that differs is kept by Codable.
        guard id == (try object.string("id")) else { throw CanonicalJSONObject.Mismatch() }
    }
}

extension ContactWindow: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("endMinute", endMinute)
        writer.field("startMinute", startMinute)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let start = try object.int("startMinute")
        let end = try object.int("endMinute")
        guard 0 <= start && start < end && end <= 24 * 60 else { throw CanonicalJSONObject.Mismatch() }
        self.init(startMinute: start, endMinute: end)
    }
}
