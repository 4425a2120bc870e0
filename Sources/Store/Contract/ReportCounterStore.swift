public import Domain
public import Reporting

/// What the social report needs of a store: the additive counters of `docs/social-report.md`, kept
/// current by a projection of the journal (`Operations.ReportProjection`), and the few grouped sums a
/// period's report reads.
///
/// The projection owns the counters: it reads journal events after the watermark, and adds their
/// counts and the new watermark in one transaction (`addReportCounts`), so an event is counted once
/// however often the projection is stopped and restarted.
public protocol ReportCounterStore: CaseStore {
    /// The journal sequence through which the counters hold every event; 0 before the first projection.
    func reportWatermark() async throws -> Int64

    /// The highest journal sequence at or below which no event can still appear.
    ///
    /// SQLite has one writer and assigns sequences in commit order, so it is the highest sequence.
    /// PostgreSQL hands out sequences when a row is inserted, not when it commits: a transaction may
    /// hold sequence 10 uncommitted while 11 is already visible. The fence takes a SHARE lock on the
    /// journal, which waits until every transaction that inserted into it has ended (and holds new
    /// inserts back for the moment it takes to read the maximum), so every sequence at or below the
    /// maximum read under the lock is committed or rolled back for good.
    func journalFence() async throws -> Int64

    /// Adds `counters` to the stored counters and moves the watermark from `expected` to `watermark`,
    /// all in one transaction. Throws `StoreError.watermarkMoved` when the watermark is no longer
    /// `expected` (another projection got there first); nothing is added then.
    func addReportCounts(_ counters: ReportCounters, advancing expected: Int64, to watermark: Int64) async throws

    /// The counters a report of `period` (for `client`, or the whole agency when nil) reads, already
    /// reduced as `ReportCounters.compacted(for:client:)` reduces them: sums per counter before the
    /// period (on the day before it), per counter and month inside it (on the month's first day, cut
    /// to the period), and the freeze restarts whose gap lies inside it. Pass the result to
    /// `SocialReport.compute(counters:period:client:settings:)` with the same period and client.
    func reportCounters(for period: ReportPeriod, client: Client.ID?) async throws -> ReportCounters
}
