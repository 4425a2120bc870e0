public import Domain
import Law
public import Money

/// What the contact policy says about a contact.
public enum ContactDecision: Hashable, Sendable {
    /// Go ahead on the day asked, within `window`.
    case allowed(window: ContactWindow)
    /// Not on the day asked; the first day it may be tried again.
    case deferred(to: Day, reason: String)
    /// Not at all by this channel (until something changes); why.
    case refused(reason: String)
}

/// What the policy needs to know about the dossier and the person besides the day.
public struct ContactSituation: Hashable, Sendable {
    /// The dossier's flags (vulnerable, disputed, in debt counselling, ...).
    public var flags: DossierFlags
    /// The debtor's channel consent.
    public var consent: ChannelConsent
    /// The channels we have an address or number for.
    public var reachable: Set<Channel>
    /// No contact before this day (a pause after a dispute or a help request), if any.
    public var pausedUntil: Day?
    /// The person's contacts by any channel for any client (the caller gathers them).
    public var history: [ContactRecord]

    /// A situation.
    public init(flags: DossierFlags, consent: ChannelConsent, reachable: Set<Channel>, pausedUntil: Day?, history: [ContactRecord]) {
        self.flags = flags
        self.consent = consent
        self.reachable = reachable
        self.pausedUntil = pausedUntil
        self.history = history
    }
}

/// Every rule on contacting a debtor, in one place (docs/engine.md lists them with their defaults):
/// consent and opt-outs, quiet hours, no contact on Sundays and Dutch holidays, a cap per person per
/// rolling 7 days across all channels and clients, a pause after a dispute or help request, and no
/// contact at all to a vulnerable dossier until a person reviewed it.
public struct ContactPolicy: Hashable, Sendable, Codable {
    /// The hours per channel; a channel without an entry may be used all day (letters, e-mail).
    public var windows: [Channel: ContactWindow]
    /// The most contacts with one person in any 7 consecutive days, all channels and clients together.
    public var contactsPerWeekMax: Int
    /// Days without contact after a dispute is opened or help is asked.
    public var pauseDays: Int
    /// How far ahead the policy searches for a permitted day.
    public static let searchDaysMax = 60

    /// A policy.
    public init(windows: [Channel: ContactWindow], contactsPerWeekMax: Int, pauseDays: Int) {
        precondition(contactsPerWeekMax >= 1 && pauseDays >= 0, "a cap of at least one contact, a pause not negative")
        self.windows = windows
        self.contactsPerWeekMax = contactsPerWeekMax
        self.pauseDays = pauseDays
    }

    /// The defaults: calls and SMS 08:00-21:00, e-mail and letters any hour, at most 3 contacts a
    /// week, 14 days' pause after a dispute or help request.
    public static let standard = ContactPolicy(
        windows: [.phone: ContactWindow(hours: 8, 21), .sms: ContactWindow(hours: 8, 21)],
        contactsPerWeekMax: 3, pauseDays: 14)

    /// The whole day, for channels without quiet hours.
    static let wholeDay = ContactWindow(startMinute: 0, endMinute: 24 * 60)

    /// The decision for a contact by `channel` on `day` in `situation`.
    public func decide(_ channel: Channel, on day: Day, _ situation: ContactSituation) -> ContactDecision {
        if situation.flags.contains(.vulnerable) && !situation.flags.contains(.vulnerabilityReviewed) {
            return .refused(reason: "vulnerable: no contact until a person has reviewed the dossier")
        }
        if situation.flags.contains(.disputed) { return .refused(reason: "disputed: no contact until the dispute is resolved") }
        if situation.flags.contains(.inDebtCounselling) {
            return .refused(reason: "in debt counselling: the counsellor is the contact")
        }
        if !situation.consent.allows(channel) { return .refused(reason: "the debtor opted out of \(channel.rawValue)") }
        if !situation.reachable.contains(channel) { return .refused(reason: "no \(channel.rawValue) address known") }
        let permitted = firstPermittedDay(onOrAfter: max(day, situation.pausedUntil ?? day), history: situation.history)
        guard let permitted else { return .refused(reason: "no permitted day within \(Self.searchDaysMax) days") }
        if permitted > day {
            let reason: String
            if let paused = situation.pausedUntil, paused > day {
                reason = "contact paused until \(paused)"
            } else if !Self.isContactDay(day) {
                reason = "no contact on Sundays and holidays"
            } else {
                reason = "weekly cap of \(contactsPerWeekMax) contacts reached"
            }
            return .deferred(to: permitted, reason: reason)
        }
        return .allowed(window: windows[channel] ?? Self.wholeDay)
    }

    /// Whether contact may happen on `day` at all: not on a Sunday or a Dutch public holiday.
    public static func isContactDay(_ day: Day) -> Bool { day.weekday != .sunday && !DutchHolidays.isHoliday(day) }

    /// The number of contacts in the 7 days ending on `day` (inclusive).
    public static func contactsInWeek(endingOn day: Day, history: [ContactRecord]) -> Int {
        let first = day.adding(days: -6)
        return history.count { $0.day >= first && $0.day <= day }
    }

    func firstPermittedDay(onOrAfter start: Day, history: [ContactRecord]) -> Day? {
        for offset in 0...Self.searchDaysMax {
            let candidate = start.adding(days: offset)
            // A new contact on `candidate` must keep every 7-day window containing it under the cap.
            let fits = (0..<7).allSatisfy { end in
                Self.contactsInWeek(endingOn: candidate.adding(days: end), history: history) < contactsPerWeekMax
            }
            if Self.isContactDay(candidate) && fits { return candidate }
        }
        return nil
    }
}
