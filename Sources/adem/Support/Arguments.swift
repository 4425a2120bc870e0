import ArgumentParser
import Foundation
import Money

/// Conversions of option text into domain values, with one clear line naming the option on failure.
enum Arguments {
    /// A positive (or zero) amount such as `1234.56` or `1.234,56`.
    static func amount(_ text: String, option: String) throws -> Money {
        do {
            return try Money(parsing: text)
        } catch {
            throw ValidationError("\(option): \(error.description)")
        }
    }

    /// A day as `YYYY-MM-DD`.
    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw ValidationError("\(option): '\(text)' is not a day; expected YYYY-MM-DD, e.g. 2025-03-07")
        }
        return day
    }

    /// One of a fixed set of words.
    static func choice<Value: RawRepresentable & CaseIterable>(_ text: String, option: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: "|")
            throw ValidationError("\(option): '\(text)' is not one of \(allowed)")
        }
        return value
    }
}

/// Prints `text` to standard error.
func printError(_ text: String) {
    var standardError = StandardErrorStream()
    print(text, to: &standardError)
}

/// Standard error as a `TextOutputStream`.
struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
