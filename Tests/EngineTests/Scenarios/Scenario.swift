import Domain
import Engine
import Law
import Money

/// A scenario in the text-fixture format of docs/engine.md ("Scenario fixtures"): the dossier's
/// claims and debtor, a calendar of responses and payments, and the journal expected day by day.
struct Scenario {
    struct Expectation {
        let day: Day?
        let type: String
        let fields: [String: String]
        let line: Int
    }

    var name = ""
    var kind: DebtorKind = .consumer
    var email: String? = "debtor@example.nl"
    var phone: String? = "+31600000000"
    var country = CountryCode.netherlands
    var mandate = Mandate.standard
    var flags: DossierFlags = []
    var claims: [(invoice: String, due: Day, amount: Money)] = []
    var openDay = Day(year: 2026, month: 1, day: 1)!
    var untilDay = Day(year: 2026, month: 1, day: 31)!
    var strategyText: String?
    /// Per day, the calendar entries in order.
    var calendar: [Day: [String]] = [:]
    var expected: [Expectation] = []
    var never: [Expectation] = []
    var final: [String: String] = [:]

    /// Parses the fixture text; a malformed line is a test bug and stops with its line number.
    init(_ text: String) {
        var section = "setup"
        var strategyLines: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            if section == "strategy" {
                if raw.hasPrefix("end strategy") { section = "setup"; strategyText = strategyLines.joined(separator: "\n") }
                else { strategyLines.append(String(raw)) }
                continue
            }
            let line = raw.trimmingPrefix(while: { $0 == " " })
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = Scenario.words(String(line))
            switch words[0] {
            case "scenario:": name = words.dropFirst().joined(separator: " ")
            case "debtor:": kind = DebtorKind(rawValue: words[1])!
            case "email:": email = words[1] == "none" ? nil : words[1]
            case "phone:": phone = words[1] == "none" ? nil : words[1]
            case "country:": country = CountryCode(words[1])!
            case "flags:": for flag in words.dropFirst() { flags.insert(Scenario.flag(flag)) }
            case "mandate:":
                let fields = Scenario.fields(words.dropFirst())
                mandate = Mandate(
                    mayFreezeInterest: fields["freeze"].map { $0 == "yes" } ?? true,
                    maxArrangementMonths: fields["months"].map { Int($0)! } ?? 12,
                    mayContactDebtCounsellors: true, mayGoToCourt: fields["court"] == "yes", commission: Rate(basisPoints: 1500),
                    waivesStatutoryInterest: fields["interest"] == "waived")
            case "claim:":
                // claim: INVOICE due DAY amount AMOUNT
                claims.append((words[1], Day(iso: words[3])!, try! Money(parsing: words[5])))
            case "open:": openDay = Day(iso: words[1])!
            case "until:": untilDay = Day(iso: words[1])!
            case "strategy:": section = "strategy"
            case "expect:": section = "expect"
            case "final:": final = Scenario.fields(words.dropFirst())
            case "never:":
                never.append(Expectation(day: nil, type: words[1], fields: Scenario.fields(words.dropFirst(2)), line: lineNumber))
            default:
                guard let day = Day(iso: words[0]) else { preconditionFailure("scenario line \(lineNumber): \(line)") }
                if section == "expect" {
                    expected.append(Expectation(day: day, type: words[1], fields: Scenario.fields(words.dropFirst(2)), line: lineNumber))
                } else {
                    calendar[day, default: []].append(String(line.dropFirst(words[0].count + 1)))
                }
            }
        }
    }

    /// Words split on spaces, a "quoted phrase" staying one word (without its quotes).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func fields(_ words: some Sequence<String>) -> [String: String] {
        var fields: [String: String] = [:]
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1)
            fields[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return fields
    }

    static func flag(_ name: String) -> DossierFlags {
        switch name {
        case "vulnerable": .vulnerable
        case "disputed": .disputed
        default: preconditionFailure("unknown flag \(name)")
        }
    }
}
