import Testing

@Suite struct DomainPlaceholderTests {
    @Test func placeholder() { #expect(1 + 1 == 2) }
}
