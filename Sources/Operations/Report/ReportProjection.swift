import Domain
import Reporting
public import Store

/// Keeps the social report's counters current from the journal: a projection with a watermark.
///
/// `catchUp` reads the journal events after the watermark in pages, folds each page into counter
/// increments (`ReportCounters.update(for:)`) and adds them together with the page's last sequence
/// as the new watermark in one transaction. A crash or kill at any moment leaves either the whole
/// page counted and the watermark past it, or neither, so no event is ever counted twice or lost;
/// running it again adds only what is new. Why a projection instead of every writer updating the
/// counters in its own transaction, and how PostgreSQL's out-of-order commits are handled: see
/// docs/social-report.md ("Keeping the counters current").
public enum ReportProjection {
    /// Events read and counted per transaction.
    public static let pageEventsDefault = 20_000

    /// What one catch-up did.
    public struct Progress: Hashable, Sendable {
        /// Report events read and counted.
        public var events = 0
        /// Transactions committed (pages).
        public var pages = 0
        /// The watermark when done.
        public var watermark: Int64 = 0
        /// The fence the catch-up ran up to.
        public var fence: Int64 = 0

        public init() {}
    }

    /// Counts every journal event up to the journal's fence (see `ReportCounterStore.journalFence`)
    /// that the counters do not hold yet. `progress` is called after each page. Safe to run from
    /// several processes at once: a page whose watermark moved meanwhile is dropped and reread.
    ///
    /// `reading`, when given, is another connection to the same store that reads the journal's
    /// pages (SQLite's reading connection: the reads and the counting then leave the writer free).
    /// The fence comes from `store` before the pages are read, and a later read sees at least what
    /// the fence covers, so nothing is skipped.
    @discardableResult
    public static func catchUp(
        _ store: any ReportCounterStore, reading: (any CaseStore)? = nil, pageEvents: Int = pageEventsDefault,
        progress: (Progress) -> Void = { _ in }
    ) async throws -> Progress {
        precondition(pageEvents >= 1, "a page holds at least one event")
        var done = Progress()
        done.fence = try await store.journalFence()
        var watermark = try await store.reportWatermark()
        while watermark < done.fence {
            // Only the types the report reads: the others would be read, decoded and dropped.
            let events = try await (reading ?? store).journal(
                JournalFilter(types: ReportFact.eventTypes), after: watermark, limit: pageEvents)
            var counters = ReportCounters()
            var last = watermark
            var read = 0
            var beyondFence = false
            for event in events {
                guard let sequence = event.sequence, sequence <= done.fence else {
                    beyondFence = true
                    break
                }
                if let reportEvent = ReportEvent(event) { counters.record(reportEvent) }
                last = sequence
                read += 1
            }
            // Every report event at or below the fence has been read (any other sequence there is
            // another type, or was rolled back and never comes): the watermark may go up to the fence.
            if events.count < pageEvents || beyondFence { last = done.fence }
            do {
                try await store.addReportCounts(counters, advancing: watermark, to: last)
                watermark = last
                done.events += read
                done.pages += 1
            } catch StoreError.watermarkMoved(_, let found?) {
                // Another projection counted this page (or more) first: go on from where it stands.
                watermark = found
            }
            done.watermark = watermark
            progress(done)
        }
        done.watermark = watermark
        return done
    }
}
