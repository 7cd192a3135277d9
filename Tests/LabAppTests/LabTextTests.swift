import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The lab's screens through the message catalogue: the key map against the
/// README, the language a frame is written in, and CJK text in the panels.
@Suite struct LabTextInAppTests {
    /// The README's key table: (keys cell, does cell) per row.
    static func readmeKeyRows() throws -> [(keys: String, does: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| key | does |") }) else { return [] }
        var rows: [(String, String)] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            rows.append((cells[1], cells[2]))
        }
        return rows
    }

    /// "↑ ↓ or k j" → ["↑", "↓", "k", "j"]; "`b` / `l`" → ["b", "l"].
    static func keyTokens(_ cell: String) -> [String] {
        cell.replacingOccurrences(of: "`", with: "").split(separator: " ").map(String.init).filter { $0 != "or" && $0 != "/" }
    }

    @Test func everyKeyInTheReadmeIsInTheKeyMapWithTheSameMeaning() throws {
        let rows = try Self.readmeKeyRows()
        #expect(rows.count >= 10, "the README's key table was not found")
        for row in rows {
            let tokens = Self.keyTokens(row.keys)
            #expect(!tokens.isEmpty, "README key row without keys: \(row)")
            for token in tokens {
                let same = keyMap.contains { $0.keys.contains(token) && $0.manual.map { Language.english(.keys($0)) } == row.does }
                #expect(same, "README: `\(token)` \"\(row.does)\" is not in the key map with that meaning")
            }
        }
    }

    @Test func everyKeyTheManualDescribesIsInTheReadme() throws {
        let readmeKeys = Set(try Self.readmeKeyRows().flatMap { Self.keyTokens($0.keys) })
        for row in keyMap where row.manual != nil {
            #expect(row.keys.allSatisfy(readmeKeys.contains), "\(row.keys) is missing from the README's key table")
        }
    }

    @Test func theKeyMapHasOneRowPerAction() {
        for action in KeyAction.allCases {
            #expect(keyMap.filter { $0.action == action }.count == 1, "\(action)")
        }
    }

    @Test func theHelpOverlayListsTheKeyMap() {
        var state = trainedState()
        send(&state, keys(.character("?")))
        // At 80×24 the help is taller than the screen: ↓ scrolls it, and every row shows on the way down.
        var screen = screenText(state)
        #expect(helpMaxScroll(state) > 0 && screen.contains("↑↓ scroll"))
        for _ in 0..<helpMaxScroll(state) {
            send(&state, keys(.down))
            screen += screenText(state)
        }
        #expect(state.showHelp && state.helpScroll == helpMaxScroll(state))
        // Scrolled to the end, the last symbol sits right above the input-method note and the
        // closing line: no empty rows below it.
        let rows = screenText(state).split(separator: "\n").map(String.init)
        let close = try! #require(rows.firstIndex { $0.contains("any other key closes") })
        #expect(rows[close - 1].contains("switch the input method to English mode"), "\(rows[close - 1])")
        #expect(rows[close - 2].contains("live/rebuilds"), "\(rows[close - 2])")
        // The symbols come after the keys, under their heading, each with its meaning.
        for (symbol, meaning) in helpSymbols(.english) {
            #expect(screen.contains(symbol + " ") && screen.contains(meaning), "\(symbol) is not explained in the help")
        }
        #expect(screen.contains("Symbols") && screen.contains("Ctrl-C"))
        send(&state, keys(.character("x")))
        #expect(!state.showHelp && state.helpScroll == 0, "any other key closes it")
        for row in keyMap {
            guard let help = row.help else { continue }
            let label = row.label.text(.english)
            #expect(screen.contains(label) && screen.contains(Language.english(.keys(help))), "\(label) is not in the help")
        }
    }

    /// A language with a few texts of its own (the rest fall back to English).
    static let someChinese = Language(code: "zh-x-test", name: "测试", texts: [
        .status(.reset): "重置：模型从种子重新构建",
        .keys(.hintTrain): "训练",
        .checks(.panel): "检查",
        .lesson(.checksCount): "检查 {done}/{total}",
    ])

    @Test func framesAreWrittenInTheStatesLanguage() {
        var state = trainedState(running: false)
        send(&state, keys(.character("r"), .tab, .tab))
        #expect(state.lesson?.message?.phrase.key == .status(.reset))
        let english = Self.text(frame(state))
        #expect(english.contains("reset: the model is built again from the seed"))
        state.language = Self.someChinese
        let chinese = Self.text(frame(state))
        // The message already on screen is written again in the new language.
        #expect(chinese.contains("重置：模型从种子重新构建"))
        #expect(!chinese.contains("reset: the model is built again"))
        #expect(chinese.contains("训练") && chinese.contains("检查 0/2") && chinese.contains("┏ 检查 "))
    }

    /// The frame's rows as text, a wide character once (its continuation cell left out).
    static func text(_ buffer: Buffer) -> String {
        (0..<buffer.height).map { y in
            String((0..<buffer.width).filter { !buffer[$0, y].isContinuation }.map { buffer[$0, y].symbol })
        }.joined(separator: "\n")
    }

    @Test func noPlaceholderIsLeftUnfilled() {
        var states = [fixtureState(firstStart: true), trainedState(), trainedState(running: false)]
        var knobs = trainedState(running: false)
        send(&knobs, keys(.tab, .right))
        var checks = trainedState(running: false)
        send(&checks, keys(.tab, .tab, .down, .character("v")))
        var help = trainedState()
        send(&help, keys(.character("?")))
        states += [knobs, checks, help]
        for state in states {
            let screen = Self.text(frame(state))
            // A placeholder such as {check} or {count:file|files}; the prose's h_{t-1} is not one.
            #expect(screen.firstMatch(of: /\{[A-Za-z_][A-Za-z0-9_]*(:[^{}|]*\|[^{}]*)?\}/) == nil, "\(screen)")
        }
    }

    @Test func aChineseHintWrapsInTheChecksPanelWithoutSplittingACharacter() throws {
        let hint = "把隐藏单元数设为1，然后按空格键开始训练。注意观察准确率如何停留在较低的水平，而不是达到百分之百。"
        let text = fixtureLessonText.replacingOccurrences(of: "hint: Set hidden to 1.", with: "hint: " + hint)
        var state = AppState(lessons: [fixtureLesson(text)], width: 80, height: 24)
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        send(&state, keys(.tab, .tab, .down))
        let buffer = frame(state)
        // The rows of the checks panel (x 1…30, inside its borders) that hold the hint.
        let rows = (0..<state.height).map { y in
            String((1..<31).filter { !buffer[$0, y].isContinuation }.map { buffer[$0, y].symbol })
        }
        let hintRows = rows.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(hintRows.count >= 3, "\(rows.joined(separator: "\n"))")
        let wrapped = hintRows.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(wrapped.joined() == hint, "\(wrapped)")
        for line in wrapped {
            #expect(line.displayWidth <= 29)
            #expect(!(line.first.map { "，。".contains($0) } ?? false), "a line starts with a closing mark: \(line)")
        }
        // The lab's wrap() itself keeps every line within the width and loses nothing.
        for width in [7, 10, 13] {
            let lines = wrap(hint, width: width)
            #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(width): \(lines)")
            #expect(lines.joined() == hint)
        }
    }

    @Test func paddingCountsDisplayColumns() {
        #expect("loss".padded(toColumns: 7) == "loss   ")
        #expect("损失".padded(toColumns: 7) == "损失   ")
        #expect("准确率".padded(toColumns: 7).displayWidth == 7)
        #expect("validation".padded(toColumns: 4) == "validation")
    }

    /// b and l after a divergence say whose run rolls back, each as one whole sentence.
    @Test func rollBackMessagesNameTheRunThatDiverged() {
        let text = fixtureLessonText.replacingOccurrences(of: "knobs:\n", with: "compare: {optimizer: sgd}\nknobs:\n")
            .replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: [loss, compare]")
        var state = AppState(lessons: [fixtureLesson(text)], width: 120, height: 36)
        send(&state, keys(.enter))
        let lesson = state.lesson!.lesson
        send(&state, [.trainer(readyEvent(lesson)), .companion(readyEvent(lesson, overrides: ["optimizer": .choice("sgd")]))])
        send(&state, [.companion(.diverged(.loss(.nan), step: 3))])
        send(&state, keys(.character("b")))
        #expect(state.lesson?.message?.phrase.key == .status(.rollingBackCompare))
        #expect(state.lesson?.message?.text(in: .english) == "rolling the compare run back to the last good step…")
        send(&state, keys(.character("L")))
        #expect(state.lesson?.message?.text(in: .english) == "rolling the compare run back with the learning rate divided by 10…")
        send(&state, [.trainer(.diverged(.loss(.nan), step: 5))])
        send(&state, keys(.character("b")))
        #expect(state.lesson?.message?.text(in: .english) == "rolling back to the last good step…")
        send(&state, keys(.character("L")))
        #expect(state.lesson?.message?.phrase.key == .status(.lowering))
    }

    /// The home screen's count of files that did not load takes its plural from the catalogue.
    @Test func problemLinesChooseTheirPluralInTheText() {
        var state = fixtureState()
        state.problems = [.verbatim("a.md:3: no title")]
        #expect(problemLines(state) == ["⚠ 1 lesson file did not load (rnnlab lint says why): a.md:3: no title"])
        state.problems.append(.verbatim("b.md:1: not closed"))
        #expect(problemLines(state) == ["⚠ 2 lesson files did not load (rnnlab lint says why): a.md:3: no title; b.md:1: not closed"])
        #expect(Self.text(frame(state)).contains("⚠ 2 lesson files did not load"))
    }
}
