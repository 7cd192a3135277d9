import Testing
@testable import LabText

/// The catalogue keys of the terminal work for issue 21.
@Suite struct TerminalKeysTests {
    /// The locale refusal is read before the lab's language can be trusted,
    /// so its text carries both languages in every table that has it.
    @Test func theLocaleRefusalIsBilingualInEveryTable() {
        for language in Language.all {
            let text = language(.command(.localeNotUTF8), ["locale": .text("zh_CN.GBK")])
            let lines = text.split(separator: "\n")
            #expect(lines.count == 2, "\(text)")
            #expect(lines.first?.contains("is not UTF-8") == true && lines.first?.contains("export LANG=zh_CN.UTF-8") == true)
            #expect(lines.last?.contains("请使用 UTF-8 终端：export LANG=zh_CN.UTF-8") == true)
            #expect(lines.allSatisfy { $0.contains("zh_CN.GBK") })
        }
    }

    @Test func theInputMethodNoteIsInTheKeyTable() {
        #expect(Language.english(.keys(.helpInputMethod)) == "If a key does nothing, switch the input method to English mode.")
    }
}
