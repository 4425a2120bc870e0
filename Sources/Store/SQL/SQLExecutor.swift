import SQLKit

/// Where SQL runs: lends an `SQLDatabase` for one operation or for one transaction.
///
/// Each engine supplies one (SQLite: a single connection behind a lock; PostgreSQL: a pooled
/// client). Everything above it, the SQL of the case store, is shared.
protocol SQLExecutor: Sendable {
    /// `sqlite` or `postgresql`.
    var engineName: String { get }

    /// Runs `body` with a database outside any explicit transaction.
    func withDatabase<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs `body` inside BEGIN ... COMMIT, rolling back when it throws.
    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs a multi-row insert on `database` (the one lent by `withDatabase` or `withTransaction`).
    func insert(_ statement: MultiRowInsert, on database: any SQLDatabase) async throws

    /// Runs `statement` on `database` and returns the text of `column` in each result row.
    func texts(_ statement: TypedStatement, column: String, on database: any SQLDatabase) async throws -> [String]

    /// Whether statements run inside this process (SQLite): then one prepared single-row statement
    /// re-bound per row beats a multi-row statement that must be parsed and planned as a whole.
    var runsInProcess: Bool { get }

    /// Runs the single-row UPDATE or DELETE `template` (values marked with `TypedStatement.mark`) once
    /// per element of `rows` on `database`, and tells for each row whether it changed anything.
    func changed(eachOf template: String, rows: [[SQLValue]], on database: any SQLDatabase) async throws -> [Bool]

    /// An executor on its own connection that reads the last committed state while this one holds a
    /// write transaction open, or nil when the engine offers none worth having (in-memory SQLite;
    /// PostgreSQL, whose workers read in their own transactions anyway).
    func reader() async throws -> (any SQLExecutor)?

    /// Inside an operation: a mark that stays the same between two operations that each ask for it
    /// only when nothing else changed the store in between (no other connection's commit, no other
    /// operation on this one); nil when the engine cannot tell.
    func changeMark(on database: any SQLDatabase) async throws -> Int64?

    /// Runs `body`, one large write transaction on this executor (a bulk import into a store that
    /// holds less than it brings), with the engine's cheapest journal for it, when it can have one
    /// without other connections (SQLite: the rollback journal; docs/decisions/0011). PostgreSQL
    /// only runs `body`.
    func withBulkJournal<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result

    /// Closes the underlying connections.
    func close() async throws
}

/// An async mutual-exclusion lock (first come, first served) for a single SQLite connection.
actor AsyncLock {
    private var isLocked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Waits until the lock is free and takes it. Every `acquire` must be followed by one `release`.
    func acquire() async {
        if !isLocked {
            isLocked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Frees the lock for the next waiter.
    func release() {
        if waiters.isEmpty {
            isLocked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension AsyncLock {
    /// Runs `body` (in the caller's context) while holding the lock.
    nonisolated func withLock<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }
}
