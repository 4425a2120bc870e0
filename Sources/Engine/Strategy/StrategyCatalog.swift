public import Domain

/// The strategies by name; a client whose reference names none gets the default.
public struct StrategyCatalog: Sendable {
    /// The strategies by name.
    public let strategies: [String: Strategy]

    /// A catalog; `Strategy.standard` is included unless one of `strategies` replaces it.
    public init(_ strategies: [Strategy] = []) {
        var byName = [Strategy.standard.name: Strategy.standard]
        for strategy in strategies { byName[strategy.name] = strategy }
        self.strategies = byName
    }

    /// The strategy `reference` names, or the standard one.
    public func strategy(for reference: StrategyReference) -> Strategy {
        strategies[reference.name] ?? strategies[Strategy.standard.name] ?? .standard
    }
}
