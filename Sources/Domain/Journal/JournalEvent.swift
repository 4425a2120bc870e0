public import Money

/// One domain event in the append-only journal: what happened to a dossier and on which day.
///
/// The store writes events in the same transaction as the state they explain. `sequence` is the
/// journal order the store assigns; `recordedAt` is the wall-clock moment of writing, kept for
/// audit and left out of the state digest (two stores with the same history differ only there).
public struct JournalEvent: Hashable, Sendable, Codable {
    /// The position in the journal; nil until stored.
    public let sequence: Int64?
    /// The dossier the event belongs to.
    public let dossierID: Dossier.ID
    /// The business day of the event (not the wall clock).
    public let day: Day
    /// What happened.
    public let type: JournalEventType
    /// The event's details.
    public let payload: JournalPayload
    /// When the event was written, as ISO-8601 UTC text supplied by the shell; nil until stored.
    public let recordedAt: String?

    /// An event, not yet stored.
    public init(dossierID: Dossier.ID, day: Day, type: JournalEventType, payload: JournalPayload = JournalPayload()) {
        self.init(sequence: nil, dossierID: dossierID, day: day, type: type, payload: payload, recordedAt: nil)
    }

    /// An event as read from a store.
    public init(
        sequence: Int64?, dossierID: Dossier.ID, day: Day, type: JournalEventType, payload: JournalPayload,
        recordedAt: String?
    ) {
        self.sequence = sequence
        self.dossierID = dossierID
        self.day = day
        self.type = type
        self.payload = payload
        self.recordedAt = recordedAt
    }
}

/// The kinds of domain event.
public enum JournalEventType: String, Hashable, Sendable, Codable, CaseIterable {
    case dossierOpened, claimAdded, interestAccrued, costsCharged
    case contactPlanned, contactSent, contactDelivered, contactFailed, callMade
    case paymentReceived, paymentAllocated
    case arrangementAgreed, arrangementKept, arrangementBroken
    case freezeStarted, freezeEnded, disputeOpened, disputeClosed
    case flagsChanged, stateChanged, screened, referred
    /// The contact policy deferred or refused a planned contact; the payload says why.
    case contactWithheld
    /// An arrangement signal (reminder before or after an instalment, warning before breaking).
    case arrangementSignalled
    /// Payment of the whole amount was deferred until a day.
    case deferralAgreed
    /// The dossier closed; the payload's `reason` is a `CloseReason`.
    case closed
    case portalLogin, surveyAnswered
    /// Retention replaced the debtor's personal data by a pseudonym.
    case pseudonymised
    case correctionBooked
}

/// The details of an event as sorted key/value text, rendered as canonical JSON for storage and digests.
public struct JournalPayload: Hashable, Sendable, Codable {
    /// The fields.
    public var fields: [String: String]

    /// A payload with `fields`.
    public init(_ fields: [String: String] = [:]) { self.fields = fields }

    /// The value of `key`.
    public subscript(key: String) -> String? { fields[key] }

    /// JSON with keys sorted and no spaces: the same fields always give the same text.
    public var canonicalJSON: String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(fields.count * 32 + 2)
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(fields[key]!, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension JournalPayload {
    /// The payload stored as `text`, a flat JSON object of strings as `canonicalJSON` writes it.
    /// Read directly; any other layout of the same object is read through Codable, as before.
    public init(storedJSON text: String) throws {
        self.init(try CanonicalJSONDecoder().decode(StoredPayload.self, from: text).fields)
    }
}

/// A payload's stored form: a flat object of strings.
private struct StoredPayload: CanonicalJSONReadable {
    let fields: [String: String]

    init(from decoder: any Decoder) throws { fields = try decoder.singleValueContainer().decode([String: String].self) }

    init(canonicalJSON object: CanonicalJSONObject) throws { fields = try object.stringFields() }
}
