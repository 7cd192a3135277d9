import Foundation
import LabText
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Issue 19 (ux19b): the run's status line keeps its numbers in a narrow
/// dashboard, the learning-rate floor message fits an 80-column line, a quick
/// verification does not read "(0 s)", and a NaN reads "NaN".
@Suite struct StatusWordingTests {
    func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + $1.text.displayWidth } }

    func statusRow(_ run: RunState, language: Language, width: Int) -> String {
        var buffer = Buffer(width: width, height: 1)
        drawRunStatus(run, language: language, in: buffer.bounds, buffer: &buffer)
        return LabTextInAppTests.text(buffer)
    }

    /// Where the words "▶ running" would push the steps/s off the line, the
    /// state is its symbol alone and the rate stays whole; with room, the words stay.
    @Test(arguments: [false, true])
    func narrowStatusKeepsTheRate(chinese: Bool) {
        let run = trainedState(steps: 12345 / 100).lesson!.run
        let language: Language = chinese ? .chinese : .english
        let full = runStatusSpans(run, pace: .full, language: language, shortState: false, gap: "  ")
        let short = runStatusSpans(run, pace: .full, language: language, shortState: true, gap: "  ")
        let tight = runStatusSpans(run, pace: .full, language: language, shortState: true, gap: " ")
        let rate = language(.dashboard(.rate), ["rate": .text(PanelNumbers.rate(run.rate.perSecond!))])
        let running = language(.dashboard(.running))
        #expect(width(full) > width(short) && width(short) > width(tight))
        let wide = statusRow(run, language: language, width: width(full))
        #expect(wide.contains(running) && wide.contains(rate), "\(wide)")
        let narrow = statusRow(run, language: language, width: width(short))
        #expect(!narrow.contains(running) && narrow.contains("▶") && narrow.hasSuffix(rate), "\(narrow)")
        let narrower = statusRow(run, language: language, width: width(tight))
        #expect(narrower.hasSuffix(rate), "\(narrower)")
    }

    /// "rolled back …; learning rate 0.0001 at its floor: try another knob"
    /// fits the message line of an 80-column screen (one column of margin) with a five-digit step.
    @Test(arguments: [false, true])
    func floorMessageFitsEightyColumns(chinese: Bool) {
        let language: Language = chinese ? .chinese : .english
        let text = language(.dashboard(.rolledBackAtFloor), ["step": .integer(12345), "rate": .text("0.0001")])
        #expect(text.displayWidth <= 79, "\(text.displayWidth): \(text)")
        #expect(text.contains("0.0001") && text.contains("12345"))
    }

    func verifiedMessage(seconds: Double, language: Language) -> String {
        var state = trainedState()
        state.setLanguage(language)
        state.lesson!.verification = Verification(check: "echo-3", steps: 0, budget: 100)
        let result = CheckResult(lesson: state.lesson!.lesson.id, check: "echo-3", title: "", passed: true, detail: .verbatim("ok"),
                                 steps: 25, seconds: seconds, verdict: CheckVerdict(passed: true, clauses: [], values: [:]))
        _ = applyVerification(&state, check: "echo-3", steps: 25, result: result)
        return state.lesson!.message!.text(in: language)
    }

    /// A verification of 0.1 s says "< 1 s", not "0 s"; a longer one its whole seconds.
    @Test func quickVerificationIsUnderASecond() {
        #expect(verifiedMessage(seconds: 0.1, language: .english) == "✓ echo-3 verified (< 1 s): ok")
        #expect(verifiedMessage(seconds: 3.4, language: .english) == "✓ echo-3 verified (3 s): ok")
        #expect(verifiedMessage(seconds: 0.1, language: .chinese).contains("（不到 1 秒）"))
        #expect(verifiedMessage(seconds: 3.4, language: .chinese).contains("（3 秒）"))
    }

    /// A NaN with its sign bit set (what a C formatter writes "-nan") reads "NaN".
    @Test func negativeNaNReadsNaN() {
        let negativeNaN = -Double.nan
        #expect(negativeNaN.sign == .minus && "\(negativeNaN)" == "-nan")
        let cause = Divergence.loss(negativeNaN).describe(atStep: 739)
        #expect(Language.english.render(cause) == "at step 739 the loss became NaN")
        #expect(PanelNumbers.value(negativeNaN) == "NaN")
    }
}
