@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// The panels' one padding helper and one number formatter.
@Suite struct ColumnTextTests {
    @Test func padsToDisplayColumnsNotCharacters() {
        #expect("ab".padded(toColumns: 5) == "ab   ")
        // Two wide characters take four columns: one space makes five.
        #expect("权重".padded(toColumns: 5) == "权重 ")
        #expect("权重".padded(toColumns: 5).displayWidth == 5)
        #expect("toolong".padded(toColumns: 3) == "toolong")
        #expect("toolong".padded(toColumns: 3, minimumGap: 1) == "toolong ")
        #expect("权重".padded(toColumns: 4, minimumGap: 1) == "权重 ")
    }

    @Test func numbersReadTheSameInEveryPanel() {
        #expect(PanelNumbers.value(2e-7) == "2e-7" && PanelNumbers.value(0.51234) == "0.512")
        #expect(PanelNumbers.metric(Metric(.accuracy, 0.875)) == "87.5%")
        #expect(PanelNumbers.metric(Metric(.mse, 0.012345)) == "0.01235")
        #expect(PanelNumbers.setting(0.5) == "0.5" && PanelNumbers.setting(100) == "100")
        #expect(PanelNumbers.exponent(3.03) == "3" && PanelNumbers.exponent(0.94) == "0.9")
    }
}
