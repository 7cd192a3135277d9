@testable import LabText
import Testing

/// The 简体中文 table against the English one: the same keys, the same
/// placeholders, no English plural left, and messages that read as Chinese
/// when they are written with arguments.
@Suite struct ChineseCatalogueTests {
    let zh = Language.chinese

    @Test func theChineseTableIsShipped() {
        #expect(Language.named("zh-Hans") == Language.chinese)
        #expect(Language.all.map(\.code) == ["en", "zh-Hans"])
        #expect(Language.chinese.name == "简体中文")
    }

    @Test func sameKeysAsEnglishAndNoOther() {
        let english = Set(English.texts.keys), chinese = Set(Chinese.texts.keys)
        #expect(english.subtracting(chinese).isEmpty,
                "no Chinese text for \(english.subtracting(chinese).map(\.id).sorted())")
        #expect(chinese.subtracting(english).isEmpty,
                "Chinese texts for keys English lacks: \(chinese.subtracting(english).map(\.id).sorted())")
    }

    @Test func samePlaceholdersAsEnglish() {
        for (key, english) in English.texts {
            guard let chinese = Chinese.texts[key] else { continue }
            #expect(Template(chinese).names == Template(english).names,
                    "\(key.id): Chinese uses \(Template(chinese).names.sorted()), English \(Template(english).names.sorted())")
        }
    }

    /// Chinese has no plural: `{count:file|files}` becomes a plain `{count}`.
    @Test func noPluralChoiceIsLeft() {
        for (key, text) in Chinese.texts {
            let plurals = Template(text).pieces.filter { if case .plural = $0 { return true } else { return false } }
            #expect(plurals.isEmpty, "\(key.id) keeps an English plural choice: \(text)")
        }
    }

    /// A text whose English is prose (two ordinary words outside code and
    /// placeholders) is written in Chinese, not left in English.
    @Test func proseIsTranslated() {
        for (key, english) in English.texts {
            guard let chinese = Chinese.texts[key], hasProse(english) else { continue }
            #expect(chinese.unicodeScalars.contains(where: isHan), "\(key.id) is not translated: \(chinese)")
        }
    }

    /// Full-width punctuation next to 汉字: no ASCII , ; : ? ! ( ) touching one.
    @Test func fullWidthPunctuationNextToHanzi() {
        let ascii = Set(",;:?!()".unicodeScalars)
        for (key, text) in Chinese.texts {
            let s = Array(text.unicodeScalars)
            for i in s.indices.dropLast() where (isHan(s[i]) && ascii.contains(s[i + 1])) || (ascii.contains(s[i]) && isHan(s[i + 1])) {
                Issue.record("\(key.id): half-width \(ascii.contains(s[i]) ? s[i] : s[i + 1]) next to 汉字 in \(text)")
            }
        }
    }

    /// Fixed-width labels (tabs, status words, hint words, table headings) are
    /// no wider in Chinese than in English, a 汉字 taking two columns.
    @Test func fixedLabelsFitTheEnglishColumns() {
        let labels: [TextKey] = [
            .lesson(.tabLesson), .lesson(.tabKnobs), .lesson(.tabChecks), .checks(.panel), .knobs(.panel),
            .dashboard(.running), .dashboard(.paused), .dashboard(.diverged), .dashboard(.step), .dashboard(.loss),
            .dashboard(.bannerTitle), .dashboard(.bannerRollBack), .dashboard(.bannerLowerRate),
            .panel(.rtrlParameter), .panel(.rtrlDifference), .panel(.rtrlTimes), .panel(.rtrlCounts),
            .panel(.compareParameters), .panel(.compareStep), .panel(.predicted), .panel(.target),
            .panel(.lossTitle), .panel(.trainLoss), .panel(.validationLoss), .panel(.hiddenTitle),
            .panel(.attentionTitle), .panel(.predictionsTitle), .panel(.gatesTitleUnnamed),
            .keys(.hintChoose), .keys(.hintOpen), .keys(.hintQuit), .keys(.hintApply), .keys(.hintCancel),
            .keys(.hintRollBack), .keys(.hintLowerRate), .keys(.hintPause), .keys(.hintTrain), .keys(.hintStep),
            .keys(.hintPace), .keys(.hintSetUp), .keys(.hintPage), .keys(.hintChange), .keys(.hintType),
            .keys(.hintVerify), .keys(.hintFocus), .keys(.hintReset), .keys(.hintHelp), .keys(.hintBack),
            .keys(.hintPresent), .keys(.hintRunSteps), .keys(.hintUnpin), .keys(.hintInspectNext),
            .command(.columnName), .command(.columnKind), .command(.columnShape), .command(.columnTrain),
            .command(.columnValid), .command(.columnTest), .command(.columnLoad), .command(.columnKnobs), .command(.fresh),
        ]
        for key in labels {
            let english = try? Language.english.format(key), chinese = try? zh.format(key)
            #expect(columns(chinese ?? "") <= columns(english ?? ""),
                    "\(key.id): \(chinese ?? "-") (\(columns(chinese ?? ""))) is wider than \(english ?? "-") (\(columns(english ?? "")))")
        }
    }

    @Test func messagesWithArgumentsReadAsChinese() throws {
        #expect(try zh.format(.home(.summary), ["lessons": 6, "done": 2, "total": 18]) == "6 课 · 验证项 2/18 已通过")
        #expect(try zh.format(.home(.summary), ["lessons": 1, "done": 0, "total": 3]) == "1 课 · 验证项 0/3 已通过")
        #expect(try zh.format(.status(.knobChangedRebuilds), ["knob": "hidden", "old": 8, "value": 32])
                    == "hidden 8 → 32（重建模型）")
        #expect(try zh.format(.dashboard(.rolledBackLowered), ["step": 340, "rate": .compact(0.001, significantDigits: 3)])
                    == "已回滚到第 340 步，学习率现为 1e-3；按 Space 继续")
        #expect(try zh.format(.store(.entriesDropped), ["name": "progress.json", "count": 1, "entries": "echo-3"])
                    == "progress.json：有 1 个条目无法读取，已丢弃（echo-3）")
        #expect(try zh.format(.status(.verified), ["check": "echo-3", "duration": .phrase(Phrase(.status(.seconds), ["seconds": .fixed(12.6, decimals: 0)])),
                                                   "detail": .percent(0.974, decimals: 1)])
                    == "✓ echo-3 已通过核验（13 秒）：97.4%")
        #expect(try zh.format(.command(.verifyPass), ["lesson": "simple-rnn", "check": "echo-3", "detail": "accuracy = 0.959",
                                                      "steps": 25, "seconds": .fixed(0.1, decimals: 1)])
                    == "PASS  simple-rnn/echo-3  accuracy = 0.959  [25 步，0.1 秒]")
    }

    @Test func nestedPhrasesAreWrittenInChinese() throws {
        let phrase = Phrase(.status(.knobAlready), ["knob": "clip_norm", "value": 20,
                                                     "range": .phrase(Phrase(.knobs(.rangeLog), ["low": "0.01", "high": 20]))])
        #expect(zh.render(phrase) == "clip_norm 已是 20，到了范围边界（0.01…20 对数）")
        let list = Phrase(.list(.pair), ["first": "accuracy", "rest": .phrase(Phrase(.list(.pair), ["first": "mse", "rest": "solved"]))])
        #expect(zh.render(Phrase(.check(.noMetric), ["name": "acc", "metrics": .phrase(list)]))
                    == "没有指标 acc（可用：accuracy、mse、solved）")
        let cause = Phrase(.run(.lossDiverged), ["step": 12, "value": "NaN"])
        #expect(zh.render(Phrase(.dashboard(.bannerText), ["cause": .phrase(cause)]))
                    == "训练发散：第 12 步时损失变成了 NaN。运行已暂停，这一步没有应用。")
    }
}

private func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) }

/// Two ordinary English words in a row, outside `code` and `{placeholders}`.
private func hasProse(_ english: String) -> Bool {
    var plain = "", skip: Character? = nil
    for c in english {
        if let end = skip { if c == end { skip = nil }; continue }
        if c == "`" { skip = "`" } else if c == "{" { skip = "}"; plain.append(" ") } else { plain.append(c) }
    }
    // Words split at spaces, with a trailing , . : ; allowed: "clip_norm" or "(0:" is no word.
    let words = plain.split(whereSeparator: \.isWhitespace).map { token -> Bool in
        var word = Substring(token)
        while let last = word.last, ",.:;".contains(last) { word = word.dropLast() }
        return word.count >= 3 && word.allSatisfy { $0.isASCII && $0.isLowercase }
    }
    return zip(words, words.dropFirst()).contains { $0 && $1 }
}

/// Display columns: East Asian wide and full-width characters take two.
private func columns(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { n, s in
        let v = s.value
        let wide = isHan(s) || (0x3000...0x303F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return n + (wide ? 2 : 1)
    }
}
