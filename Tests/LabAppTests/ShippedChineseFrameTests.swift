import Foundation
import LabText
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// The lab as a Chinese reader opens it: the shipped lessons with their shipped
/// translations (`lessons/zh-Hans/`) and the real 简体中文 table, at 80×24 and
/// 60×20: the home screen and the first lesson's first page.
@Suite struct ShippedChineseFrameTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped lessons and their Chinese translations, in the state `rnnlab --lang zh-Hans` starts with.
    static func state(width: Int, height: Int) throws -> AppState {
        let folder = root.appendingPathComponent("lessons")
        let library = LessonLibrary.load(folder)
        var byId: [String: LessonTranslation] = [:]
        for url in try LessonLibrary.files(in: folder.appendingPathComponent("zh-Hans")) {
            let (translation, problems) = TranslationParser.check(url, folderLanguage: "zh-Hans")
            #expect(problems.isEmpty, "\(problems)")
            if let translation { byId[translation.lessonId] = translation }
        }
        var state = AppState(lessons: library.lessons, completed: [:], firstStart: false, width: width, height: height)
        state.languages = [.english, .chinese]
        state.translations = LessonTranslations(byLanguage: ["zh-Hans": byId])
        state.setLanguage(.chinese)
        return state
    }

    /// Every row of the frame as text, a wide character once.
    func text(_ buffer: Buffer) -> String { LabTextInAppTests.text(buffer) }

    @Test(arguments: [(80, 24), (60, 20)])
    func homeAndFirstPage(width: Int, height: Int) throws {
        var state = try Self.state(width: width, height: height)
        #expect(state.lessons.count == 16 && state.lessons.allSatisfy { $0.title.unicodeScalars.contains { CJKText.isCJK(scalarValue: $0.value) } || $0.title.hasPrefix("LSTM") })
        let home = frame(state)
        assertSnapshot(home, named: "zh-shipped-home-\(width)x\(height)")
        #expect(text(home).contains("序列与简单循环网络") && text(home).contains("1. 基础"), "\(text(home))")
        send(&state, keys(.enter))
        send(&state, keys(.escape))  // the predict-then-run question waits for later
        let lesson = frame(state)
        assertSnapshot(lesson, named: "zh-shipped-lesson-\(width)x\(height)")
        let shown = text(lesson)
        #expect(shown.contains("前馈神经网络"), "\(shown)")
        #expect(!shown.contains("A feed-forward network"))
        // No English sentence of the lab's own is left on the frame: its key hints are Chinese.
        #expect(shown.contains("训练") && shown.contains("单步") && !shown.contains("help") && !shown.contains("Building"), "\(shown)")
    }
}
