import Testing
@testable import TerminalUI

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (1e-6, "1e-6"), (2.5e-4, "2.5e-4"), (0.01, "0.01"), (0.0123, "0.0123"), (1.5, "1.5"),
        (2300, "2.3k"), (2345, "2.35k"), (15000, "15k"), (999.96, "1k"), (1_500_000, "1.5e6"), (1e12, "1e12"), (999_960, "1e6"), (2.5e7, "2.5e7"), (-3e9, "-3e9"), (-0.5, "-0.5"),
        (123.456, "123"), (1, "1"), (10, "10"), (0.1 + 0.2, "0.3"), (-2300, "-2.3k"), (9.999e-3, "0.01"),
        (Double.nan, "NaN"), (Double.infinity, "inf"), (-Double.infinity, "-inf"), (3e15, "3e15"), (2e18, "2e18"),
    ])
    func compact(_ value: Double, _ expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test func fixed() {
        #expect(NumberFormat.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.fixed(2, decimals: 3) == "2")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0")
        #expect(NumberFormat.fixed(0.05, decimals: 2) == "0.05")
    }

    @Test func ticks() {
        #expect(Ticks.linear(0, 10, maxCount: 5) == [0, 2, 4, 6, 8, 10])
        #expect(Ticks.linear(0.33, 2.55, maxCount: 5) == [0.5, 1, 1.5, 2, 2.5])
        #expect(Ticks.logarithmic(1e-6, 0.1, maxCount: 3) == [1e-6, 1e-4, 1e-2])
        #expect(Ticks.linear(1, 1, maxCount: 5) == [1])
    }
}
