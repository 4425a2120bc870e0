public import Law
import Foundation

/// The law tables shipped with Ademruimte, read from the package's `Tables` folder.
///
/// An operator can add a new half-year's rate without a release: point the environment variable
/// `ADEM_LAW_DATA` at a folder; a file found there replaces the shipped file of the same name.
public enum LawData {
    /// The environment variable naming a folder whose tables override the shipped ones.
    public static let overrideVariable = "ADEM_LAW_DATA"

    /// The table file `name` (e.g. `statutory-interest-nl.csv`), parsed.
    public static func table(_ name: String) throws -> LawTable {
        try LawTable(name: name, text: try text(of: name))
    }

    /// The raw text of table file `name`, from the override folder when it has one.
    public static func text(of name: String) throws -> String {
        if let folder = ProcessInfo.processInfo.environment[overrideVariable], !folder.isEmpty {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) {
                return try String(contentsOf: url, encoding: .utf8)
            }
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Tables") else {
            throw LawTableError(table: name, line: 0, column: nil, reason: "table file not found in the package")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension LawData {
    /// The Netherlands with the shipped (or overriding) tables.
    public static func netherlands() throws -> Netherlands {
        Netherlands(
            interestRates: try StatutoryInterestRates(table: table("statutory-interest-nl.csv")),
            costSchedule: try CollectionCostSchedule(
                staffel: table("collection-costs-nl.csv"), limits: table("collection-costs-limits-nl.csv")),
            protectedIncome: try ProtectedIncomeTable(table("protected-income-nl.csv")),
            legalCosts: try LegalCostTables(
                courtFees: table("court-fees-nl.csv"), bailiffFees: table("bailiff-fees-nl.csv"),
                lawyerTariff: table("lawyer-tariff-nl.csv")))
    }

    /// Belgium with the shipped (or overriding) tables.
    public static func belgium() throws -> Belgium {
        Belgium(
            damageCaps: try BelgianDamageCaps(table: table("damage-caps-be.csv")),
            reminderFees: try BelgianReminderFees(table: table("reminder-fees-be.csv")))
    }
}

extension LawData {
    /// The names of every table file shipped in the package, sorted.
    public static func shippedTableNames() -> [String] {
        guard let folder = Bundle.module.url(forResource: "Tables", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".csv") }.sorted()
    }
}
