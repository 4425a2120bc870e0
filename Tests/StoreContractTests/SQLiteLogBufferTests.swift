import Foundation
import Testing

@testable import Store

/// The VFS that gathers a transaction's log frames (docs/decisions/0009-sqlite-log-writes.md): every
/// file connection goes through it, a reader sees each commit as soon as it returns, and the log on
/// disk holds every committed transaction with valid checksums, also when SQLite spilled pages
/// mid-transaction and rewrote them in place.
@Suite struct SQLiteLogBufferTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adem-logbuffer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func fileConnectionsGoThroughTheBufferingVFS() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLite3Connection(path: directory.appendingPathComponent("a.sqlite").path)
        defer { connection.close() }
        #expect(connection.vfsName?.hasPrefix("adem-walbuffer/") == true, "\(connection.vfsName ?? "none")")
    }

    /// SQLite's count of the memory it holds takes one process-wide lock on every allocation; the
    /// store turns it off before SQLite initialises (docs/decisions/0012-sqlite-memory-count.md).
    /// With the count off, SQLite reports no memory held, however much its connections allocate.
    @Test func sqliteKeepsNoCountOfItsMemory() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLite3Connection(path: directory.appendingPathComponent("m.sqlite").path)
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE t (k INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        for key in 1...200 {
            _ = try rows(connection, "INSERT INTO t VALUES (?1, ?2)", [.integer(Int64(key)), .blob([UInt8](repeating: 7, count: 2_000))])
        }
        #expect(SQLite3Connection.memoryCountOff)
        #expect(SQLite3Connection.memoryHeld == 0)
    }

    @Test func everyCommitIsReadableAtOnceAndRecoverableFromTheLog() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let writer = try SQLite3Connection(path: path)
        defer { writer.close() }
        // A tiny page cache makes SQLite spill dirty pages into the log mid-transaction and, when the
        // same page changes again, rewrite that frame in place and its checksums after the commit
        // frame: the paths where a buffered log could go wrong. No checkpoints: everything stays in
        // the log, so recovering a copy below reads every frame and checks its checksum.
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=8", "PRAGMA wal_autocheckpoint=0"] {
            _ = try rows(writer, pragma)
        }
        _ = try rows(writer, "CREATE TABLE t (k INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        _ = try rows(writer, "CREATE TABLE tally (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        _ = try rows(writer, "INSERT INTO tally VALUES (1, 0)")
        let reader = try SQLite3Connection(path: path)
        defer { reader.close() }
        let transactions = 30
        let rowsPerTransaction = 150
        for transaction in 1...transactions {
            _ = try rows(writer, "BEGIN IMMEDIATE")
            for row in 1...rowsPerTransaction {
                let key = Int64(transaction * 1_000 + row)
                _ = try rows(writer, "INSERT INTO t VALUES (?1, ?2)", [.integer(key), .blob([UInt8](repeating: UInt8(row % 251), count: 900))])
                // The same page again and again within the transaction, after the inserts spilled it.
                _ = try rows(writer, "UPDATE tally SET n = n + 1 WHERE id = 1")
            }
            _ = try rows(writer, "COMMIT")
            // Another connection sees the commit as soon as COMMIT returned.
            #expect(try rows(reader, "SELECT COUNT(*), (SELECT n FROM tally) FROM t") == [[
                .integer(Int64(transaction * rowsPerTransaction)), .integer(Int64(transaction * rowsPerTransaction)),
            ]])
        }
        // A copy of the file and its log, taken while the writer is open (as a crash would leave
        // them, without the shared-memory index), recovers every transaction from the log alone.
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        let recovered = try SQLite3Connection(path: copy)
        defer { recovered.close() }
        #expect(try rows(recovered, "PRAGMA integrity_check") == [[.text("ok")]])
        #expect(try rows(recovered, "SELECT COUNT(*), SUM(length(body)), (SELECT n FROM tally) FROM t") == [[
            .integer(Int64(transactions * rowsPerTransaction)), .integer(Int64(transactions * rowsPerTransaction * 900)),
            .integer(Int64(transactions * rowsPerTransaction)),
        ]])
    }
}
