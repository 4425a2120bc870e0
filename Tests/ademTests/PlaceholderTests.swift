import Testing

@Suite struct AdemPlaceholderTests {
    @Test func placeholder() { #expect(1 + 1 == 2) }
}
