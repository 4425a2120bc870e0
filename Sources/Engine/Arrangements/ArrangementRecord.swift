public import Domain
public import Money

/// A running arrangement: its terms, when it was agreed, what had been paid before, and the
/// reminders and warnings already sent for its instalments.
public struct ArrangementRecord: Hashable, Sendable, Codable {
    /// The terms.
    public let terms: ArrangementTerms
    /// The day it was agreed.
    public let agreedDay: Day
    /// Payments received on the dossier before the arrangement (they do not count towards it).
    public let paidBefore: Money
    /// The monitor's signals sent so far, so each goes out once and one missed on its day (a daily
    /// run that did not happen) is sent on the next run instead of being lost.
    public var sent: [SentSignal]
    /// False for a record stored before sent signals were remembered (its `sent` is unknown, not
    /// empty): `assumeSentOnTheirDays` fills it in on its first monitoring.
    public private(set) var remembersSent: Bool

    /// A record.
    public init(terms: ArrangementTerms, agreedDay: Day, paidBefore: Money, sent: [SentSignal] = []) {
        self.terms = terms
        self.agreedDay = agreedDay
        self.paidBefore = paidBefore
        self.sent = sent
        self.remembersSent = true
    }

    /// For a record from before signals were remembered: every reminder and warning of an unpaid
    /// instalment whose day fell between the agreement and `day` (exclusive) counts as sent on its
    /// day, as the monitor then sent them only on their exact day. So an arrangement warned before
    /// the upgrade breaks on its announced day instead of being warned again.
    public mutating func assumeSentOnTheirDays(before day: Day, paid: Money, rules: ArrangementMonitoringRules) {
        guard !remembersSent else { return }
        for instalment in terms.unpaidInstalments(paid: paid) {
            for kind in SentSignal.Kind.allCases {
                let signalDay = rules.day(of: kind, dueDay: instalment.dueDay)
                if signalDay >= agreedDay && signalDay < day {
                    sent.append(SentSignal(instalment: instalment.number, kind: kind, day: signalDay))
                }
            }
        }
        remembersSent = true
    }

    enum CodingKeys: String, CodingKey { case terms, agreedDay, paidBefore, sent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        terms = try container.decode(ArrangementTerms.self, forKey: .terms)
        agreedDay = try container.decode(Day.self, forKey: .agreedDay)
        paidBefore = try container.decode(Money.self, forKey: .paidBefore)
        // Progress stored before signals were remembered has no list: unknown, not empty.
        let stored = try container.decodeIfPresent([SentSignal].self, forKey: .sent)
        sent = stored ?? []
        remembersSent = stored != nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(terms, forKey: .terms)
        try container.encode(agreedDay, forKey: .agreedDay)
        try container.encode(paidBefore, forKey: .paidBefore)
        // Always written once known, even empty: a missing list means a record from before.
        if remembersSent { try container.encode(sent, forKey: .sent) }
    }
}

/// A reminder or warning the monitor sent for one instalment, and on which day.
public struct SentSignal: Hashable, Sendable, Codable {
    /// The kinds of signal that are sent once per instalment.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case reminderBefore, reminderAfter, warning
    }

    /// The instalment's number, from 1.
    public let instalment: Int
    /// Which signal.
    public let kind: Kind
    /// The day it was sent.
    public let day: Day

    /// A sent signal.
    public init(instalment: Int, kind: Kind, day: Day) {
        self.instalment = instalment
        self.kind = kind
        self.day = day
    }
}

extension Array where Element == SentSignal {
    /// The signal of `kind` sent for instalment `number`, if any.
    public func signal(_ kind: SentSignal.Kind, of number: Int) -> SentSignal? {
        first { $0.instalment == number && $0.kind == kind }
    }
}

// Canonical JSON written and read directly (see CollectionProgress+CanonicalJSON.swift); here, as
// reading sets whether the record remembers its signals.
extension ArrangementRecord: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("agreedDay", agreedDay)
        writer.field("paidBefore", paidBefore)
        if remembersSent { writer.field("sent", sent) { $0.object($1) } }
        writer.field("terms", terms)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        terms = try object.decode("terms")
        agreedDay = try object.day("agreedDay")
        paidBefore = try object.money("paidBefore")
        let stored: [SentSignal]? = try object.array(ifPresent: "sent") { try $0.decode() }
        sent = stored ?? []
        remembersSent = stored != nil
    }
}
