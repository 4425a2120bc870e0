import Domain
import Law
import Money
import Yams

/// Reads a strategy from YAML text (docs/strategies.md describes the format). The Engine does no
/// I/O: the shell reads the file and hands the text over. Every error names the line and the field.
public enum StrategyParser {
    /// The most steps one strategy may have.
    public static let stepsMax = 50

    /// The strategy in `text`.
    public static func parse(_ text: String) throws(StrategyParseError) -> Strategy {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw StrategyParseError(line: 1, field: "(document)", reason: "the text is empty")
            }
            root = node
        } catch let error as StrategyParseError {
            throw error
        } catch let error as YamlError {
            throw StrategyParseError(line: Self.line(of: error), field: "(document)", reason: "not valid YAML: \(error)")
        } catch {
            throw StrategyParseError(line: 0, field: "(document)", reason: "not valid YAML: \(error)")
        }
        let document = try YAMLMap(root, path: "")
        let name = try document.string("name")
        let stepNodes = try document.list("steps")
        guard !stepNodes.isEmpty else { throw document.error("steps", "a strategy needs at least one step") }
        guard stepNodes.count <= stepsMax else { throw document.error("steps", "at most \(stepsMax) steps") }
        var steps: [StrategyStep] = []
        for (index, node) in stepNodes.enumerated() {
            let step = try parseStep(try YAMLMap(node, path: "steps[\(index)]"))
            if steps.contains(where: { $0.id == step.id }) {
                throw StrategyParseError(line: YAMLMap.line(node), field: "steps[\(index)].id", reason: "duplicate step id \(step.id)")
            }
            steps.append(step)
        }
        let screening = try document.map("screening")
        let closing = try document.map("closing")
        try document.rejectUnknown(["name", "steps", "screening", "closing"])
        try screening.rejectUnknown(["afterDays", "minimumAmount"])
        try closing.rejectUnknown(["afterDays", "reason"])
        return Strategy(
            name: name, steps: steps,
            screening: ScreeningRule(afterDays: try screening.days("afterDays"), minimumAmount: try screening.money("minimumAmount")),
            closing: ClosingRule(afterDays: try closing.days("afterDays"), reason: try closing.enumeration("reason")))
    }

    static func parseStep(_ map: YAMLMap) throws(StrategyParseError) -> StrategyStep {
        try map.rejectUnknown(["id", "action", "channel", "fallback", "template", "wait", "when"])
        var conditions = StepConditions()
        if map.has("when") {
            let when = try map.map("when")
            try when.rejectUnknown(["minimumAmount", "maximumAmount", "debtorKinds", "minimumDaysOverdue", "responded"])
            conditions.minimumAmount = when.has("minimumAmount") ? try when.money("minimumAmount") : nil
            conditions.maximumAmount = when.has("maximumAmount") ? try when.money("maximumAmount") : nil
            conditions.minimumDaysOverdue = when.has("minimumDaysOverdue") ? try when.days("minimumDaysOverdue") : nil
            conditions.responded = when.has("responded") ? try when.bool("responded") : nil
            if when.has("debtorKinds") {
                var kinds: [DebtorKind] = []
                for (index, node) in try when.list("debtorKinds").enumerated() {
                    kinds.append(try YAMLMap.enumeration(node, field: when.path("debtorKinds") + "[\(index)]"))
                }
                conditions.debtorKinds = kinds
            }
        }
        return StrategyStep(
            id: try map.string("id"), action: try map.enumeration("action"), channel: try map.enumeration("channel"),
            fallback: map.has("fallback") ? try map.enumeration("fallback") : nil, template: try map.string("template"),
            waitDays: try map.days("wait"), conditions: conditions)
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }
}

/// A YAML mapping with its path, for reading typed fields with errors that point at line and field.
struct YAMLMap {
    let node: Node
    let pairs: [(key: String, value: Node)]
    let prefix: String

    init(_ node: Node, path: String) throws(StrategyParseError) {
        guard case .mapping(let mapping) = node else {
            throw StrategyParseError(line: YAMLMap.line(node), field: path.isEmpty ? "(document)" : path, reason: "expected a mapping")
        }
        self.node = node
        self.pairs = mapping.map { (key: $0.key.string ?? "", value: $0.value) }
        self.prefix = path
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func error(_ key: String, _ reason: String) -> StrategyParseError {
        let line = pairs.first { $0.key == key }.map { YAMLMap.line($0.value) } ?? YAMLMap.line(node)
        return StrategyParseError(line: line, field: path(key), reason: reason)
    }

    func value(_ key: String) throws(StrategyParseError) -> Node {
        guard let pair = pairs.first(where: { $0.key == key }) else { throw error(key, "missing") }
        return pair.value
    }

    func rejectUnknown(_ known: Set<String>) throws(StrategyParseError) {
        if let unknown = pairs.first(where: { !known.contains($0.key) }) {
            throw StrategyParseError(line: YAMLMap.line(unknown.value), field: path(unknown.key),
                                     reason: "unknown field; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    func scalar(_ key: String) throws(StrategyParseError) -> String {
        guard case .scalar(let scalar) = try value(key) else { throw error(key, "expected a single value") }
        return scalar.string
    }

    func string(_ key: String) throws(StrategyParseError) -> String {
        let text = try scalar(key)
        guard !text.isEmpty else { throw error(key, "must not be empty") }
        return text
    }

    func days(_ key: String) throws(StrategyParseError) -> Int {
        guard let days = Int(try scalar(key)), (0...3650).contains(days) else {
            throw error(key, "expected a whole number of days from 0 to 3650")
        }
        return days
    }

    func bool(_ key: String) throws(StrategyParseError) -> Bool {
        switch try scalar(key) {
        case "true": return true
        case "false": return false
        default: throw error(key, "expected true or false")
        }
    }

    func money(_ key: String) throws(StrategyParseError) -> Money {
        let text = try scalar(key)
        do {
            return try Money(parsing: text)
        } catch {
            throw self.error(key, "expected an amount such as 250.00: \(error)")
        }
    }

    func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String) throws(StrategyParseError) -> Value
    where Value.RawValue == String {
        try YAMLMap.enumeration(try value(key), field: path(key))
    }

    static func enumeration<Value: RawRepresentable & CaseIterable>(_ node: Node, field: String) throws(StrategyParseError)
        -> Value where Value.RawValue == String
    {
        guard let text = node.string, let value = Value(rawValue: text) else {
            throw StrategyParseError(line: line(node), field: field,
                                     reason: "expected one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func map(_ key: String) throws(StrategyParseError) -> YAMLMap { try YAMLMap(try value(key), path: path(key)) }

    func list(_ key: String) throws(StrategyParseError) -> [Node] {
        guard case .sequence(let sequence) = try value(key) else { throw error(key, "expected a list") }
        return Array(sequence)
    }
}
