import Money
import Testing

@Suite struct DurationSecondsTests {
    @Test func secondsAndTheirFractionAddUp() {
        #expect(Duration.milliseconds(1_500).inSeconds == 1.5)
        #expect((Duration.seconds(2) + .nanoseconds(250_000_000)).inSeconds == 2.25)
        #expect(Duration.zero.inSeconds == 0)
        #expect(Duration.seconds(-3).inSeconds == -3)
    }
}
