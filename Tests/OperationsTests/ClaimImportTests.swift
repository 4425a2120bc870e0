import Domain
import Foundation
import Money
import Operations
import Store
import Testing

/// Runs an import of `text` into a fresh in-memory store with client ACME, then `check`.
/// `bulkRowsMin` as `ClaimImport` takes it (0: every import sets indexes aside).
func importing(
    _ texts: [String], chunkBytes: Int = 7, bulkRowsMin: Int = ClaimImport.bulkRowsMin,
    check: (any CaseStore, [ImportReport]) async throws -> Void
) async throws {
    try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
        _ = try await store.migrate()
        try await store.insertClient(Client(id: Client.ID("ACME"), name: "Acme"))
        var reports: [ImportReport] = []
        for text in texts {
            var reader = try ClaimFileReader(source: MemoryByteSource(text, chunkBytes: chunkBytes))
            let use = ClaimImport(
                store: store, clientID: Client.ID("ACME"), day: Day(iso: "2026-03-02")!,
                recordedAt: "2026-03-02T10:00:00Z", bulkRowsMin: bulkRowsMin)
            reports.append(try await use.run(&reader, sourceName: "test.csv"))
        }
        try await check(store, reports)
    }
}

let header = "invoice_number,debtor_ref,debtor_type,name,street,postcode,city,country,invoice_date,due_date,amount"

@Suite struct ClaimImportTests {
    @Test func validRowsAreStoredAndClaimsOfOneDebtorShareADossier() async throws {
        let csv = """
            \(header)
            F-1,D-1,consumer,Jan,Dorpsstraat 1,1234 AB,Ede,NL,2026-01-05,2026-01-19,100.00
            F-2,D-1,consumer,Jan,Dorpsstraat 1,1234 AB,Ede,NL,2026-02-05,2026-02-19,"1.234,56"
            F-3,D-2,business,"Bakkerij ""De Korst"" BV",Markt 5,5611 AA,Eindhoven,BE,2026-01-10,2026-01-24,50
            """
        try await importing([csv]) { (store: any CaseStore, reports: [ImportReport]) async throws in
            #expect(
                reports[0]
                    == {
                        var r = ImportReport(); r.imported = 3; return r
                    }())
            let dossiers = try await store.dossiers(ofDebtors: [Debtor.ID("ACME/D-1"), Debtor.ID("ACME/D-2")])
            #expect(dossiers.map(\.id.rawValue) == ["ACME/D-1#1", "ACME/D-2#1"])
            #expect(dossiers[1].flags.contains(.abroad))
            let claims = try await store.claims(ofDossier: dossiers[0].id)
            #expect(claims.map(\.principal) == [Money(cents: 10_000), Money(cents: 123_456)])
            #expect(
                LedgerBalances(try await store.ledger(ofDossier: dossiers[0].id)).outstanding == Money(cents: 133_456))
            #expect(
                try await store.debtors([Debtor.ID("ACME/D-2")]).first?.value.profile.name == "Bakkerij \"De Korst\" BV"
            )
            #expect(try await store.countJournal(JournalFilter(type: .dossierOpened)) == 2)
            #expect(try await store.countJournal(JournalFilter(type: .claimAdded)) == 3)
        }
    }

    @Test func importingTheSameFileTwiceAddsNothing() async throws {
        let csv =
            "\(header)\nF-1,D-1,consumer,Jan,S,1234 AB,Ede,NL,2026-01-05,2026-01-19,10\nF-2,D-2,consumer,Piet,S,1234 AB,Ede,NL,2026-01-05,2026-01-19,20\n"
        try await importing([csv, csv]) { (store: any CaseStore, reports: [ImportReport]) async throws in
            #expect(reports[1].imported == 0 && reports[1].duplicates == 2 && reports[1].rejected == 0)
            #expect(try await store.counts().claims == 2)
            #expect(try await store.counts().imports == 2)
        }
    }

    @Test func badRowsAreReportedByLineColumnAndReasonAndTheRestIsKept() async throws {
        let csv = """
            invoice_number;debtor_ref;debtor_type;name;street;postcode;city;country;invoice_date;due_date;amount;email;iban
            F-1;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;;
            F-2;D-1;person;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;;
            F-3;D-1;consumer;Jan;S;1;Ede;NL;05-01-2026;2026-01-19;10;;
            F-4;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-01;10;;
            F-5;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;abc;;
            F-6;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;-3;;
            F-7;D-1;consumer;Jan;S;1;Ede;ZZ;2026-01-05;2026-01-19;10;;
            F-8;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;jan@@x;
            F-9;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;;NL91ABNA0417164301
            F-1;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;;
            F-10;D-1;consumer;Jan;S;1;Ede;NL;2026-01-05;2026-01-19;10;jan@example.nl;NL91 ABNA 0417 1643 00
            """
        try await importing([csv]) { (store: any CaseStore, reports: [ImportReport]) async throws in
            let report = reports[0]
            #expect(report.imported == 2 && report.rejected == 9)
            #expect(
                report.errors.map { "\($0.line) \($0.column)" } == [
                    "3 debtor_type", "4 invoice_date", "5 due_date", "6 amount", "7 amount", "8 country", "9 email",
                    "10 iban", "11 invoice_number",
                ])
            #expect(report.errors.last?.reason == "duplicate invoice number F-1 in the file (first on line 2)")
        }
    }

    @Test func jsonArraysImportLikeCSV() async throws {
        let json = """
            [
              {"invoice_number": "F-1", "debtor_ref": "D-1", "debtor_type": "consumer", "name": "Jan", "street": "S", "postcode": "1",
               "city": "Ede", "country": "NL", "invoice_date": "2026-01-05", "due_date": "2026-01-19", "amount": "12.50"},
              {"invoice_number": "F-2", "debtor_ref": "D-1", "debtor_type": "consumer", "name": "Jan", "street": "S", "postcode": "1",
               "city": "Ede", "country": "NL", "invoice_date": "2026-01-05", "due_date": "2026-01-19", "amount": 7},
              {"invoice_number": "F-3", "debtor_ref": "D-1"},
              42
            ]
            """
        try await importing([json]) { (_: any CaseStore, reports: [ImportReport]) async throws in
            #expect(reports[0].imported == 2)
            #expect(reports[0].rejected == 2)
            #expect(reports[0].errors.first?.line == 6)
            #expect(reports[0].errors.last == ImportIssue(line: 7, column: "row", reason: "is not a JSON object"))
        }
    }
}

@Suite struct HostileFileTests {
    func reader(_ bytes: [UInt8]) throws -> ClaimFileReader<MemoryByteSource> {
        try ClaimFileReader(source: MemoryByteSource(bytes, chunkBytes: 5))
    }

    @Test func anEmptyFileCannotBeImported() {
        #expect(throws: ImportFailure.empty) { _ = try reader([]) }
    }

    @Test func aBinaryFileCannotBeImported() {
        #expect(throws: ImportFailure.binary) {
            _ = try reader([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x0A, 0x01])
        }
    }

    @Test func aHeaderWithoutTheRequiredColumnsIsRefused() async throws {
        try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
            _ = try await store.migrate()
            try await store.insertClient(Client(id: Client.ID("ACME"), name: "Acme"))
            var reader = try reader(Array("invoice_number,amount\nF-1,10\n".utf8))
            await #expect(
                throws: ImportFailure.badHeader(
                    "missing required columns debtor_ref, debtor_type, name, street, postcode, city, country, invoice_date, due_date"
                )
            ) {
                _ = try await ClaimImport(
                    store: store, clientID: Client.ID("ACME"), day: Day(iso: "2026-03-02")!, recordedAt: "t"
                ).run(&reader, sourceName: "x")
            }
        }
    }

    @Test func aHugeLineIsReportedAndTheNextLineStillImports() async throws {
        let huge =
            "F-0,D-0,consumer,\"" + String(repeating: "x", count: 200_000) + ",S,1,Ede,NL,2026-01-05,2026-01-19,10"
        let csv = "\(header)\n\(huge)\nF-1,D-1,consumer,Jan,S,1,Ede,NL,2026-01-05,2026-01-19,10\n"
        try await importing([csv], chunkBytes: 4096) { (_: any CaseStore, reports: [ImportReport]) async throws in
            #expect(reports[0].imported == 1)
            #expect(reports[0].errors == [ImportIssue(line: 2, column: "row", reason: "is longer than 65536 bytes")])
        }
    }

    @Test func latin1TextIsReportedAsWrongEncodingPerRow() async throws {
        var bytes =
            Array("\(header)\nF-1,D-1,consumer,Ren".utf8) + [0xE9]
            + Array(",S,1,Ede,NL,2026-01-05,2026-01-19,10\n".utf8)
        bytes += Array("F-2,D-2,consumer,Jan,S,1,Ede,NL,2026-01-05,2026-01-19,10\n".utf8)
        try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
            _ = try await store.migrate()
            try await store.insertClient(Client(id: Client.ID("ACME"), name: "Acme"))
            var reader = try reader(bytes)
            let report = try await ClaimImport(
                store: store, clientID: Client.ID("ACME"), day: Day(iso: "2026-03-02")!, recordedAt: "t"
            )
            .run(&reader, sourceName: "latin1.csv")
            #expect(report.imported == 1)
            #expect(report.errors.first?.column == "name")
            #expect(report.errors.first?.reason.contains("not valid UTF-8") == true)
        }
    }

    @Test func duplicateRowsAcrossBatchesAreRejectedNotStoredTwice() async throws {
        var csv = header + "\n"
        for index in 0..<2_500 {
            csv += "F-\(index % 1_200),D-\(index % 300),consumer,N,S,1,Ede,NL,2026-01-05,2026-01-19,10\n"
        }
        try await importing([csv], chunkBytes: 65_536) { (store: any CaseStore, reports: [ImportReport]) async throws in
            #expect(reports[0].imported == 1_200)
            #expect(reports[0].rejected == 1_300)
            #expect(reports[0].duplicates == 0)
            #expect(try await store.counts().claims == 1_200)
            #expect(try await store.counts().dossiers == 300)
        }
    }

    /// With indexes set aside (`bulkRowsMin: 0`) an import stores exactly what it stores keeping them
    /// up row by row, across batch borders: bad rows, repeats within the file and of an earlier
    /// import, debtors with claims in two batches, and a debtor whose first row in a batch repeats an
    /// invoice, so that its next row is the one that registers it.
    @Test func aBulkImportStoresWhatARowByRowImportStores() async throws {
        var lines = [header]
        var valid = 0
        func row(_ invoice: String, _ debtor: String, name: String = "N", amount: String = "10") {
            lines.append("\(invoice),\(debtor),consumer,\(name),S,1,Ede,NL,2026-01-05,2026-01-19,\(amount)")
        }
        for index in 0..<2_600 {
            if valid == ClaimImport.batchRowsMax {  // the second batch opens with debtor X
                row("F-10", "D-X", name: "Refused with its row")
                row("F-X", "D-X", name: "Registered")
                valid += 2
            }
            if index % 500 == 7 {
                row("F-bad-\(index)", "D-\(index / 3)", amount: "-1")
            } else {
                row("F-\(index % 2_400)", "D-\(index / 3)", name: "N\(index / 3)", amount: "\(10 + index % 97).50")
                valid += 1
            }
        }
        let first = lines.joined(separator: "\n")
        let second = [
            header, "F-1,D-0,consumer,N0,S,1,Ede,NL,2026-01-05,2026-01-19,11",
            "F-new,D-new,business,B,S,1,Ede,BE,2026-01-05,2026-01-19,12",
        ].joined(separator: "\n")
        var outcomes: [(digest: String, reports: [ImportReport])] = []
        for bulkRowsMin in [0, Int.max] {
            try await importing([first, second], chunkBytes: 65_536, bulkRowsMin: bulkRowsMin) {
                (store: any CaseStore, reports: [ImportReport]) async throws in
                #expect(try await store.debtors([Debtor.ID("ACME/D-X")]).first?.value.profile.name == "Registered")
                outcomes.append((try await store.stateDigest(), reports))
            }
        }
        // 2,400 invoice numbers less the four whose only row is bad (507, 1007, 1507, 2007), plus F-X;
        // refused: the six bad rows, 198 later rows repeating an invoice, and X's repeat of F-10.
        #expect(outcomes[0].reports[0].imported == 2_397)
        #expect(outcomes[0].reports[0].rejected == 205)
        #expect(outcomes[0].reports[1].imported == 1 && outcomes[0].reports[1].duplicates == 1)
        #expect(outcomes[0].reports == outcomes[1].reports)
        #expect(outcomes[0].digest == outcomes[1].digest)
    }

    @Test func aCrLfFileWithABomAndQuotedNewlinesReads() async throws {
        let csv =
            "\u{FEFF}\(header)\r\nF-1,D-1,consumer,\"Jan\r\nJansen\",S,1,Ede,NL,2026-01-05,2026-01-19,10\r\nF-2,D-1,consumer,Jan,S,1,Ede,NL,2026-01-05,2026-01-19,10\r\n"
        try await importing([csv]) { (store: any CaseStore, reports: [ImportReport]) async throws in
            #expect(reports[0].imported == 2 && reports[0].rejected == 0)
            #expect(try await store.debtors([Debtor.ID("ACME/D-1")]).first?.value.profile.name == "Jan\r\nJansen")
        }
    }
}
