/// How an exact quotient becomes a whole number of the smaller unit (usually cents).
///
/// Every legal computation names its rule; the law docs use half-up unless they say otherwise.
public enum Rounding: String, Sendable, CaseIterable, Codable {
    /// Halves go away from zero (2.5 -> 3, -2.5 -> -3): the rounding Dutch law tables use.
    case halfUp
    /// Halves go to the even neighbour (banker's rounding).
    case halfEven
    /// Toward zero: never rounds an amount up in the creditor's favour.
    case towardZero
    /// Away from zero.
    case awayFromZero

    /// Divides `numerator` by a positive `denominator` and rounds the quotient by this rule.
    public func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "Rounding.divide needs a positive denominator")
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let awayStep: Int128 = numerator < 0 ? -1 : 1
        let twiceRemainder = remainder.magnitude * 2
        switch self {
        case .towardZero:
            return quotient
        case .awayFromZero:
            return quotient + awayStep
        case .halfUp:
            return twiceRemainder >= denominator.magnitude ? quotient + awayStep : quotient
        case .halfEven:
            if twiceRemainder > denominator.magnitude { return quotient + awayStep }
            if twiceRemainder < denominator.magnitude { return quotient }
            return quotient % 2 == 0 ? quotient : quotient + awayStep
        }
    }
}
