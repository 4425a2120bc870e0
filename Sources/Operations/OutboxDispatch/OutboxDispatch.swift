import Foundation
public import Domain
public import Engine
public import Money
public import Store

/// What a channel did with one planned message.
public enum DeliveryOutcome: Hashable, Sendable {
    /// A letter, e-mail or SMS reached the debtor.
    case delivered
    /// It did not arrive (an e-mail bounced, a number was unreachable); `reason` says why.
    case failed(reason: String)
    /// An outbound call was made; `answered` when the debtor picked up.
    case called(answered: Bool)

    /// True when the debtor got the message (delivered, or an answered call).
    public var reachedDebtor: Bool {
        switch self {
        case .delivered, .called(answered: true): return true
        case .failed, .called(answered: false): return false
        }
    }
}

/// One message of the outbox and what became of it.
public struct DispatchedMessage: Hashable, Sendable {
    /// The message as the engine planned it.
    public let message: OutboxMessage
    /// The client the dossier belongs to.
    public let clientID: Client.ID
    /// What the channel did.
    public let outcome: DeliveryOutcome

    /// A dispatched message.
    public init(message: OutboxMessage, clientID: Client.ID, outcome: DeliveryOutcome) {
        self.message = message
        self.clientID = clientID
        self.outcome = outcome
    }

    /// True when the debtor got the message.
    public var reachedDebtor: Bool { outcome.reachedDebtor }

    /// The journal events the dispatch writes for it (`OutboxDispatch.events`).
    public func events(on day: Day) -> [JournalEvent] {
        OutboxDispatch.events(message, clientID: clientID, outcome: outcome, day: day)
    }
}

/// Hands the messages planned for a day to the channels and journals what happened: `contactSent`
/// (the dispatch marker, with the outbox id), then `contactDelivered` with the channel, `contactFailed`
/// with a reason, or for a call `callMade` outbound (and `contactDelivered` by phone when answered).
///
/// Idempotent: a message whose `contactSent` is in the journal is skipped, so dispatching a day twice
/// journals it once. Each page of messages is one transaction. In production the channels (print
/// house, mail and SMS providers, the agents' call list) report the outcomes; the simulation supplies
/// them through `deliver`.
///
/// The store's connection reads a page and writes the one before it while another task reads the
/// messages of the page, asks the channels and builds its events, so the two pages' work overlaps.
public struct OutboxDispatch: Sendable {
    /// Messages per page: one read, one transaction.
    public static let pageMessagesMax = 1_000

    let store: any IntakeStore
    let day: Day
    let recordedAt: String

    /// A dispatch of the messages planned for `day`.
    public init(store: any IntakeStore, day: Day, recordedAt: String) {
        self.store = store
        self.day = day
        self.recordedAt = recordedAt
    }

    /// Dispatches every message of the day not dispatched before; returns them with their outcomes
    /// in outbox id order. `deliver` is asked once per message, in that order. Each page of
    /// `pageMessages` messages is one transaction.
    public func run(
        pageMessages: Int = pageMessagesMax, deliver: @escaping @Sendable (OutboxMessage) -> DeliveryOutcome
    ) async throws -> [DispatchedMessage] {
        try await run(pageMessages: pageMessages, deliver: deliver, then: { _, _ in () }).map(\.message)
    }

    /// `run(pageMessages:deliver:)`, and `then` asked for each dispatched message with the events
    /// journalled for it, in outbox id order, beside the store's writes (what a caller does with the
    /// outcomes, such as the simulated debtors' reactions); returns its answers with the messages.
    public func run<Follow: Sendable>(
        pageMessages: Int = pageMessagesMax, deliver: @escaping @Sendable (OutboxMessage) -> DeliveryOutcome,
        then follow: @escaping @Sendable (DispatchedMessage, [JournalEvent]) -> Follow
    ) async throws -> [(message: DispatchedMessage, follow: Follow)] {
        precondition(pageMessages >= 1, "a page holds at least one message")
        let done = try await Self.dispatchedIDs(on: day, in: store)
        let day = self.day
        var dispatched: [(message: DispatchedMessage, follow: Follow)] = []
        // The page whose messages are being read and delivered, while the store writes the one before.
        var building: Task<Built<Follow>, any Error>?
        defer { building?.cancel() }
        var after: String?
        var more = true
        while more || building != nil {
            var next: Task<Built<Follow>, any Error>?
            if more {
                let page = try await store.outbox(plannedOn: day, after: after, limit: pageMessages)
                after = page.last?.id
                more = page.count == pageMessages
                let fresh = page.filter { !done.contains($0.id) }
                let clients = try await Self.clientsOfUnnamed(fresh, in: store)
                // Pages are built one after the other, so `deliver` and `follow` see the messages in order.
                let before = building
                next = Task {
                    _ = try await before?.value
                    return try Self.build(fresh, clients: clients, day: day, deliver: deliver, follow: follow)
                }
            }
            if let built = try await building?.value {
                if !built.events.isEmpty {
                    try await store.transaction { store in
                        try await store.appendJournal(encoded: built.events, recordedAt: recordedAt)
                    }
                }
                dispatched += built.messages
            }
            building = next
        }
        return dispatched
    }

    /// A page's messages as dispatched, and the events to journal for them, encoded.
    struct Built<Follow: Sendable>: Sendable {
        var messages: [(message: DispatchedMessage, follow: Follow)] = []
        var events: [EncodedJournalEvent] = []
    }

    static func build<Follow: Sendable>(
        _ rows: [OutboxRow], clients: [Dossier.ID: Client.ID], day: Day, deliver: (OutboxMessage) -> DeliveryOutcome,
        follow: (DispatchedMessage, [JournalEvent]) -> Follow
    ) throws -> Built<Follow> {
        let decoder = CanonicalJSONDecoder()
        var built = Built<Follow>()
        for row in rows {
            let message = try decoder.decode(OutboxMessage.self, from: row.message)
            guard let clientID = row.clientID ?? clients[row.dossierID] else { continue }
            let item = DispatchedMessage(message: message, clientID: clientID, outcome: deliver(message))
            let events = item.events(on: day)
            built.events += events.map(EncodedJournalEvent.init)
            built.messages.append((item, follow(item, events)))
        }
        return built
    }

    /// The clients of the rows that do not name theirs, by dossier. Rows name their client since
    /// migration 16; the dossier is read only for an older row, so this is usually no query at all.
    static func clientsOfUnnamed(_ rows: some Collection<OutboxRow>, in store: any IntakeStore) async throws
        -> [Dossier.ID: Client.ID]
    {
        let unnamed = Set(rows.filter { $0.clientID == nil }.map(\.dossierID))
        return unnamed.isEmpty ? [:] : try await store.clientIDs(ofDossiers: Array(unnamed))
    }

    /// Walks the messages planned for `day` in outbox id order, a page of at most `pageMessages`
    /// (`pageMessagesMax` unless told) at a time.
    public static func forEachPage(
        plannedOn day: Day, in store: any IntakeStore, pageMessages: Int = pageMessagesMax,
        _ body: ([OutboxRow]) async throws -> Void
    ) async throws {
        precondition(pageMessages >= 1, "a page holds at least one message")
        var after: String?
        while true {
            let page = try await store.outbox(plannedOn: day, after: after, limit: pageMessages)
            guard let last = page.last else { return }
            after = last.id
            try await body(page)
            if page.count < pageMessages { return }
        }
    }

    /// The outbox ids of `day` already journalled as sent (usually none: one cheap count).
    public static func dispatchedIDs(on day: Day, in store: any IntakeStore) async throws -> Set<String> {
        let filter = JournalFilter(type: .contactSent, from: day, through: day)
        guard try await store.countJournal(filter) > 0 else { return [] }
        var ids: Set<String> = []
        try await store.forEachJournalPage(filter, pageSize: Self.pageMessagesMax) { page in
            for event in page { if let id = event.payload["outbox"] { ids.insert(id) } }
        }
        return ids
    }

    /// The journal events of one dispatched message (what `run` writes for it).
    public static func events(_ message: OutboxMessage, clientID: Client.ID, outcome: DeliveryOutcome, day: Day) -> [JournalEvent] {
        let dossier = message.dossierID
        let sent = JournalEvent(
            dossierID: dossier, day: day, type: .contactSent,
            payload: JournalPayload([
                "outbox": message.id, "channel": message.channel.rawValue, "template": message.template,
            ]))
        switch outcome {
        case .delivered:
            return [sent, JournalEvent.contactDelivered(dossier, on: day, client: clientID, channel: message.channel)]
        case .failed(let reason):
            return [
                sent,
                JournalEvent(
                    dossierID: dossier, day: day, type: .contactFailed,
                    payload: JournalPayload(["channel": message.channel.rawValue, "reason": reason])),
            ]
        case .called(let answered):
            var events = [
                sent,
                JournalEvent.callMade(dossier, on: day, client: clientID, direction: .outbound)
                    .addingPayload(["answered": String(answered)]),
            ]
            if answered { events.append(JournalEvent.contactDelivered(dossier, on: day, client: clientID, channel: .phone)) }
            return events
        }
    }
}
