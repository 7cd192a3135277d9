import LabText
import XCTest
@testable import rnnlab

/// Whether `rnnlab` asks the terminal for the mouse: yes by default, no with
/// `--no-mouse` or `RNNLAB_MOUSE=0`, and a value it cannot read refused by name.
final class LaunchMouseTests: XCTestCase {
    /// "on", "off", or the refusal's English text.
    private func mouse(_ noMouse: Bool, _ variable: String?) -> String {
        let environment = variable.map { [LaunchCommand.mouseVariable: $0] } ?? [:]
        switch LaunchCommand.mouse(noMouse: noMouse, environment: environment) {
        case .success(let on): return on ? "on" : "off"
        case .failure(let refusal): return Language.english.render(refusal.phrase)
        }
    }

    func testOnUnlessAskedOtherwise() {
        XCTAssertEqual(mouse(false, nil), "on")
        XCTAssertEqual(mouse(false, ""), "on")
        XCTAssertEqual(mouse(false, "1"), "on")
        XCTAssertEqual(mouse(false, "on"), "on")
    }

    func testNoMouseFlagAndVariableTurnItOff() {
        XCTAssertEqual(mouse(true, nil), "off")
        // The flag wins over a variable that says yes.
        XCTAssertEqual(mouse(true, "1"), "off")
        XCTAssertEqual(mouse(false, "0"), "off")
        XCTAssertEqual(mouse(false, "OFF"), "off")
        XCTAssertEqual(mouse(false, " no "), "off")
    }

    func testAnUnreadableValueIsRefusedWithWhatWasGiven() {
        XCTAssertEqual(mouse(false, "2"), "RNNLAB_MOUSE must be 0 (no mouse) or 1, got \"2\"")
    }

    func testHelpNamesTheFlagAndTheVariable() {
        let help = LaunchCommand.helpMessage()
        XCTAssertTrue(help.contains("--no-mouse"), help)
        XCTAssertTrue(help.contains("RNNLAB_MOUSE=0"), help)
    }
}
