import Foundation
import Testing

@testable import Store

/// Checkpoints beside the writer (docs/decisions/0013-checkpoints-beside-the-writer.md): a thread
/// with its own connection copies the log into the database file, the writer copies only the tail,
/// the log starts again from its beginning, and no reader ever sees a page newer than its snapshot.
@Suite struct SQLiteCheckpointTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("adem-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A writer as the store opens one, checkpointing beside itself after every `frames` pages of log.
    private func writer(_ path: String, frames: Int32) throws -> SQLite3Connection {
        let writer = try SQLite3Connection(path: path)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"] { _ = try rows(writer, pragma) }
        _ = try rows(writer, "CREATE TABLE t (k INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        #expect(writer.checkpointBeside(path: path, frames: frames))
        return writer
    }

    private func insert(_ writer: SQLite3Connection, transaction: Int, rowsEach: Int) throws {
        _ = try rows(writer, "BEGIN IMMEDIATE")
        for row in 1...rowsEach {
            _ = try rows(
                writer, "INSERT INTO t VALUES (?1, ?2)",
                [.integer(Int64(transaction * 1_000 + row)), .blob([UInt8](repeating: UInt8(row), count: 3_000))])
        }
        _ = try rows(writer, "COMMIT")
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func theLogIsCopiedBesideTheWriterAndStartsAgain() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("c.sqlite").path
        let writer = try writer(path, frames: 40)
        let transactions = 400
        let rowsEach = 3
        for transaction in 1...transactions {
            try insert(writer, transaction: transaction, rowsEach: rowsEach)
            // Give the thread a moment now and then, as a writer's other work does.
            if transaction % 20 == 0 { usleep(20_000) }
        }
        // Once a copy and its tail are done, the writer's next transaction starts the log again.
        // How soon depends on how busy the machine is, so a few more commits, with pauses, until it has.
        var extra = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while writer.checkpointCounts.restarts == 0 && ContinuousClock.now < deadline {
            extra += 1
            try insert(writer, transaction: transactions + extra, rowsEach: 1)
            usleep(20_000)
        }
        let counts = writer.checkpointCounts
        #expect(counts.copies > 0)
        #expect(counts.tails > 0)
        #expect(counts.framesCopiedBeside > 0)
        #expect(counts.failures == 0)
        #expect(counts.restarts > 0, "the log was never started again")
        #expect(fileSize(path + "-wal") > 0)

        // The database file itself, without the log, holds what the copies put there.
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let fileOnly = try SQLite3Connection(path: copy)
        defer { fileOnly.close() }
        let copiedRows = try rows(fileOnly, "SELECT COUNT(*) FROM t")
        guard case .integer(let inFile) = copiedRows.first?.first else {
            Issue.record("no count from the database file: \(copiedRows)")
            return
        }
        #expect(inFile > Int64(transactions * rowsEach / 2))
        let total = Int64(transactions * rowsEach + extra)

        // And the store as a whole holds every row, intact.
        let reader = try SQLite3Connection(path: path)
        defer { reader.close() }
        #expect(try rows(reader, "PRAGMA integrity_check") == [[.text("ok")]])
        #expect(try rows(reader, "SELECT COUNT(*) FROM t") == [[.integer(total)]])
        // The closing writer copies the rest of the log (a reader keeps the log itself open), and
        // keeps its final counts: no copy failed.
        try insert(writer, transaction: transactions + extra + 1, rowsEach: rowsEach)
        writer.close()
        #expect(writer.checkpointCounts.failures == 0)
        let closedCopy = directory.appendingPathComponent("closed.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: closedCopy)
        let closedFileOnly = try SQLite3Connection(path: closedCopy)
        defer { closedFileOnly.close() }
        #expect(try rows(closedFileOnly, "SELECT COUNT(*) FROM t") == [[.integer(total + Int64(rowsEach))]])
    }

    /// A checkpoint never copies a page over one a reader's snapshot still needs: a reader inside
    /// a transaction sees the same rows however many copies run meanwhile, and the new rows after.
    @Test func aReaderKeepsItsSnapshotWhileTheLogIsCopied() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.sqlite").path
        let writer = try writer(path, frames: 20)
        defer { writer.close() }
        try insert(writer, transaction: 0, rowsEach: 5)
        let reader = try SQLite3Connection(path: path)
        defer { reader.close() }
        let snapshot = "SELECT COUNT(*), SUM(length(body)) FROM t"
        _ = try rows(reader, "BEGIN")
        let before = try rows(reader, snapshot)
        #expect(before == [[.integer(5), .integer(15_000)]])
        for transaction in 1...150 {
            try insert(writer, transaction: transaction, rowsEach: 3)
            if transaction % 10 == 0 {
                usleep(10_000)
                #expect(try rows(reader, snapshot) == before)
            }
        }
        #expect(writer.checkpointCounts.copies > 0)
        _ = try rows(reader, "COMMIT")
        #expect(try rows(reader, snapshot) == [[.integer(455), .integer(455 * 3_000)]])
        // With the reader gone, the log is copied to its end and started again.
        for transaction in 151...250 {
            try insert(writer, transaction: transaction, rowsEach: 3)
            if transaction % 10 == 0 { usleep(10_000) }
        }
        #expect(try rows(reader, "PRAGMA integrity_check") == [[.text("ok")]])
        #expect(try rows(reader, "SELECT COUNT(*) FROM t") == [[.integer(755)]])
        #expect(writer.checkpointCounts.failures == 0)
    }

    /// Failed checkpoints are told to the operator with SQLite's reason and what they mean for the
    /// log file, each failure once: a report covers the failures since the last one told.
    @Test func failedCheckpointsAreToldOnceWithTheirReason() {
        #expect(CheckpointCounts().failureReport(path: "/srv/adem.sqlite", since: 0) == nil)
        let full = CheckpointCounts(copies: 9, failures: 2, lastFailure: 13)  // SQLITE_FULL
        let report = full.failureReport(path: "/srv/adem.sqlite", since: 0)
        let told = "2 checkpoint(s) of /srv/adem.sqlite failed (2 in all; the last: database or disk is full"
        #expect(report?.hasPrefix(told) == true)
        #expect(report?.contains("/srv/adem.sqlite-wal") == true)
        #expect(full.failureReport(path: "/srv/adem.sqlite", since: 1)?.hasPrefix("1 checkpoint(s)") == true)
        #expect(full.failureReport(path: "/srv/adem.sqlite", since: 2) == nil)
    }
}
