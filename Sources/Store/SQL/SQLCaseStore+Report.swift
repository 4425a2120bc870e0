import Domain
import Money
import Reporting
import SQLKit

extension SQLCaseStore: ReportCounterStore {
    func reportWatermark() async throws -> Int64 {
        try await run { database in
            let row = try await database.raw("SELECT last_sequence FROM report_projection WHERE id = 1").first()
            return try row?.decode(column: "last_sequence", as: Int64.self) ?? 0
        }
    }

    func journalFence() async throws -> Int64 {
        let isPostgres = engineName == "postgresql"
        return try await transaction { store in
            try await (store as! SQLCaseStore).run { database in
                // SHARE conflicts with the ROW EXCLUSIVE lock every INSERT takes: granted once every
                // transaction that wrote to the journal has ended. Released at this transaction's end.
                if isPostgres { try await database.raw("LOCK TABLE journal IN SHARE MODE").run() }
                let row = try await database.raw("SELECT COALESCE(MAX(sequence), 0) AS fence FROM journal").first()
                return try row?.decode(column: "fence", as: Int64.self) ?? 0
            }
        }
    }

    func addReportCounts(_ counters: ReportCounters, advancing expected: Int64, to watermark: Int64) async throws {
        precondition(watermark >= expected, "the watermark only moves forward")
        try await transaction { store in
            let store = store as! SQLCaseStore
            try await store.run { database in
                // The watermark first: on PostgreSQL the UPDATE locks the one row, so a second
                // projection waits here, then finds the watermark moved and writes nothing.
                let moved = try await database.raw(
                    """
                    UPDATE report_projection SET last_sequence = \(bind: watermark) \
                    WHERE id = 1 AND last_sequence = \(bind: expected) RETURNING last_sequence
                    """
                ).all()
                guard moved.count == 1 else {
                    let row = try await database.raw("SELECT last_sequence FROM report_projection WHERE id = 1").first()
                    throw StoreError.watermarkMoved(
                        expected: expected, found: try row?.decode(column: "last_sequence", as: Int64.self))
                }
            }
            // In key order: the same counters always give the same statements.
            try await store.insertRows(
                "report_counters", columns: ["day", "counter", "client", "value"],
                rows: counters.rows.sorted { $0.key < $1.key }.map { key, value in
                    [.integer(Int64(key.day.daysSinceEpoch)), .text(key.counter.rawValue), .text(key.client.rawValue), .integer(value)]
                },
                suffix: "ON CONFLICT (day, client, counter) DO UPDATE SET value = report_counters.value + excluded.value")
            var agency: [ReportCounterKey: Int64] = [:]
            for (key, value) in counters.rows {
                agency[ReportCounterKey(day: key.day, client: Self.agencyClient, counter: key.counter), default: 0] += value
            }
            try await store.insertRows(
                "report_agency_counters", columns: ["day", "counter", "value"],
                rows: agency.sorted { $0.key < $1.key }.map { key, value in
                    [.integer(Int64(key.day.daysSinceEpoch)), .text(key.counter.rawValue), .integer(value)]
                },
                suffix: "ON CONFLICT (day, counter) DO UPDATE SET value = report_agency_counters.value + excluded.value")
            try await store.insertRows(
                "report_freeze_restarts", columns: ["day", "client", "previous_end", "value"],
                rows: counters.freezeRestarts.sorted { $0.key < $1.key }.map { key, value in
                    [
                        .integer(Int64(key.day.daysSinceEpoch)), .text(key.client.rawValue),
                        .integer(Int64(key.previousEnd.daysSinceEpoch)), .integer(value),
                    ]
                },
                suffix:
                    "ON CONFLICT (day, client, previous_end) DO UPDATE SET value = report_freeze_restarts.value + excluded.value")
        }
    }

    /// The client id the agency's rows carry in `ReportCounters` (`compute` sums every client).
    static let agencyClient = Client.ID("*")

    func reportCounters(for period: ReportPeriod, client: Client.ID?) async throws -> ReportCounters {
        let from = Int64(period.from.daysSinceEpoch)
        let through = Int64(period.through.daysSinceEpoch)
        let clientCondition: SQLQueryString = client.map { " AND client = \(bind: $0.rawValue)" } ?? ""
        // The agency's report reads the agency sums. A client's report reads that client's rows by
        // one lookup of the key (day, client, counter) per day the counters hold, the days
        // enumerated from the key itself, instead of every client's rows of the period.
        let (days, table) =
            client == nil
            ? ("", "report_agency_counters")
            : (
                Self.distinctValues(of: "day", in: "report_counters", as: "counter_days") + " ",
                "counter_days JOIN report_counters ON report_counters.day = counter_days.d"
            )
        let reportClient = client ?? Self.agencyClient
        let dayBefore = period.from.adding(days: -1)
        return try await run { database in
            var rows: [ReportCounterKey: Int64] = [:]
            func add(_ row: any SQLRow, day: Day) throws {
                let name = try row.decode(column: "counter", as: String.self)
                guard let counter = ReportCounter(rawValue: name) else {
                    throw StoreError.unreadable("report counter \(name)")
                }
                rows[ReportCounterKey(day: day, client: reportClient, counter: counter), default: 0] +=
                    try row.decode(column: "total", as: Int64.self)
            }
            // Before the period: one sum per counter, on the day before it.
            let before: SQLQueryString =
                "\(unsafeRaw: days)SELECT counter, CAST(SUM(value) AS BIGINT) AS total FROM \(unsafeRaw: table) "
                + "WHERE day < \(bind: from)" + clientCondition + " GROUP BY counter"
            for row in try await database.raw(before).all() { try add(row, day: dayBefore) }
            // Inside: per day and counter (at most 366 x 24 rows), folded here onto each month's
            // first day (cut to the period): the same portable SQL on both engines, no date functions.
            let within: SQLQueryString =
                "\(unsafeRaw: days)SELECT day, counter, CAST(SUM(value) AS BIGINT) AS total FROM \(unsafeRaw: table) "
                + "WHERE day >= \(bind: from) AND day <= \(bind: through)"
                + clientCondition + " GROUP BY day, counter"
            for row in try await database.raw(within).all() {
                let day = Day(daysSinceEpoch: Int(try row.decode(column: "day", as: Int64.self)))
                try add(row, day: Swift.max(period.from, Day(year: day.year, month: day.month, day: 1)!))
            }
            // Freeze restarts whose gap (previous end, restart) lies wholly inside the period.
            let restartQuery: SQLQueryString =
                """
                SELECT CAST(COALESCE(SUM(value), 0) AS BIGINT) AS total FROM report_freeze_restarts \
                WHERE day >= \(bind: from) AND day <= \(bind: through) AND previous_end >= \(bind: from)
                """ + clientCondition
            let restartCount = try await database.raw(restartQuery).first()?.decode(column: "total", as: Int64.self) ?? 0
            var restarts: [FreezeRestartKey: Int64] = [:]
            if restartCount != 0 {
                restarts[FreezeRestartKey(day: period.from, client: reportClient, previousEnd: period.from)] = restartCount
            }
            return ReportCounters(rows: rows, freezeRestarts: restarts)
        }
    }
}
