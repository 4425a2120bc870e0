import ArgumentParser
import Foundation
import Law
import LawData
import Money

/// The jurisdictions `adem` knows, by their option value.
enum JurisdictionChoice: String, CaseIterable, ExpressibleByArgument {
    case nl, be

    /// The jurisdiction with its shipped tables (or those in `ADEM_LAW_DATA`).
    func load() throws -> any Jurisdiction {
        do {
            switch self {
            case .nl: return try LawData.netherlands()
            case .be: return try LawData.belgium()
            }
        } catch {
            throw ValidationError("law tables: \(error)")
        }
    }
}

extension JurisdictionChoice {
    /// The Netherlands with its tables, for the commands that compute Dutch law only.
    static func loadNetherlands() throws -> Netherlands {
        do {
            return try LawData.netherlands()
        } catch {
            throw ValidationError("law tables: \(error)")
        }
    }
}

extension Day {
    /// Today in UTC, for defaults at the command line only (the core never reads the clock).
    static var todayUTC: Day {
        Day(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
