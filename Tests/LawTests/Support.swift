import Law
import LawData
import Money

/// The shipped Dutch and Belgian law, loaded once for the tests.
enum Shipped {
    static let netherlands: Netherlands = try! LawData.netherlands()
    static let belgium: Belgium = try! LawData.belgium()
}

/// Test shorthand: an amount from `1234.56`.
func euros(_ text: String) -> Money { try! Money(parsing: text, allowNegative: true) }
