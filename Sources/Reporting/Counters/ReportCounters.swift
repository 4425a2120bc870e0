public import Domain
import Money

/// Additive per-(day, client) counters from which any period's social report is computed without
/// reading the journal.
///
/// Back of the envelope for the reference year: 5,217 clients x 365 days x at most 24 counters is at
/// most 46 million rows, but a client has events on few days and few counters per day; the
/// simulation's portfolio writes some 10 million events, so well under 10 million rows. A report
/// sums them per counter for "before the period" and per month inside it (SQL `GROUP BY`), a few
/// hundred numbers, then `compute` does the rest. `compacted(for:client:)` is exactly that reduction.
public struct ReportCounters: Hashable, Sendable {
    /// The counter rows: (day, client, counter) -> value.
    public private(set) var rows: [ReportCounterKey: Int64] = [:]
    /// The freeze restart rows: (restart day, client, previous freeze end) -> count.
    public private(set) var freezeRestarts: [FreezeRestartKey: Int64] = [:]

    /// No counts.
    public init() {}

    /// Counters with the given rows, as read from a store. For an agency report (client nil) the
    /// rows may carry any one client id, e.g. `*`, since `compute` then sums every client.
    public init(rows: [ReportCounterKey: Int64], freezeRestarts: [FreezeRestartKey: Int64]) {
        self.rows = rows
        self.freezeRestarts = freezeRestarts
    }

    /// The counters of `journal`, event by event.
    public init(journal: some Sequence<JournalEvent>) {
        for event in journal {
            if let reportEvent = ReportEvent(event) { record(reportEvent) }
        }
    }

    /// Adds what `event` counts: the same increments the store adds in the event's transaction.
    public mutating func record(_ event: ReportEvent) {
        let update = ReportCounters.update(for: event)
        for (key, amount) in update.rows { rows[key, default: 0] += amount }
        if let restart = update.freezeRestart { freezeRestarts[restart, default: 0] += 1 }
    }

    /// The rows one event adds to: the store upserts `value = value + amount` for each row, and one
    /// freeze restart row when the event restarts a freeze.
    public static func update(for event: ReportEvent) -> (
        rows: [(ReportCounterKey, Int64)], freezeRestart: FreezeRestartKey?
    ) {
        let rows = ReportCounter.increments(for: event.fact).map {
            (ReportCounterKey(day: event.day, client: event.clientID, counter: $0.counter), $0.amount)
        }
        guard case .freezeStarted(_, let previousEnd?) = event.fact else { return (rows, nil) }
        return (rows, FreezeRestartKey(day: event.day, client: event.clientID, previousEnd: previousEnd))
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: ReportCounters) {
        rows.merge(other.rows, uniquingKeysWith: +)
        freezeRestarts.merge(other.freezeRestarts, uniquingKeysWith: +)
    }

    /// The smallest counters that give the same report for `period` and `client`: rows before the
    /// period summed on the day before it, rows inside summed on the first day of their month (cut
    /// to the period), later rows and other clients dropped, and only the freeze restarts whose gap
    /// lies inside the period. This is the reduction the store's queries do.
    public func compacted(for period: ReportPeriod, client: Client.ID? = nil) -> ReportCounters {
        let anyClient = Client.ID("*")
        let dayBefore = period.from.adding(days: -1)
        var compact = ReportCounters()
        for (key, value) in rows where key.day <= period.through && (client.map { $0 == key.client } ?? true) {
            let day =
                key.day < period.from
                ? dayBefore : Swift.max(period.from, Day(year: key.day.year, month: key.day.month, day: 1)!)
            compact.rows[ReportCounterKey(day: day, client: client ?? anyClient, counter: key.counter), default: 0] +=
                value
        }
        for (key, count) in freezeRestarts
        where period.contains(key.day) && key.previousEnd >= period.from && (client.map { $0 == key.client } ?? true) {
            compact.freezeRestarts[
                FreezeRestartKey(day: period.from, client: client ?? anyClient, previousEnd: period.from), default: 0] +=
                count
        }
        return compact
    }
}
