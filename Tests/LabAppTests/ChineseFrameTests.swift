import LabText
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// Chinese frames (issue 21): a Chinese lesson page through the lab's own
/// prose view at 80×24 and 60×20, and the dashboard with Chinese panel labels
/// at ambiguous width 1 and 2.
@Suite struct ChineseFrameTests {
    /// A test language whose lab labels are Chinese (the real table is another helper's).
    static let chinese = Language(code: "zh-x-test", name: "测试", texts: [
        .lesson(.titleBar): "RNN 实验室 › {chapter} › {title}",
        .lesson(.checksCount): "检查 {done}/{total}",
        .lesson(.tabLesson): "课文",
        .lesson(.tabKnobs): "旋钮",
        .lesson(.tabChecks): "检查",
        .lesson(.prosePanel): "课文",
        .lesson(.pageFooter): "第 {page}/{pages} 页",
        .knobs(.panel): "旋钮",
        .checks(.panel): "检查",
        .panel(.lossTitle): "损失",
        .panel(.gradientNormsTitle): "‖∂L/∂h_t‖（按 t）",
        .panel(.hiddenTitle): "隐状态 h_t：单元 × t",
        .panel(.predictionsTitle): "验证序列上的预测",
        .keys(.hintTrain): "训练",
        .keys(.hintPause): "暂停",
        .keys(.hintStep): "单步",
        .keys(.hintHelp): "帮助",
        .keys(.hintBack): "返回",
    ])

    /// The fixture lesson with a Chinese page: emphasis beside 汉字, a formula
    /// wider than the prose column, a list with quotes, a dash and an ellipsis.
    static let lessonText = fixtureLessonText
        .replacingOccurrences(of: "title: Sequences and the simple RNN", with: "title: 序列与简单循环神经网络")
        .replacingOccurrences(of: "chapter: 1. Foundations", with: "chapter: 1. 基础")
        .replacingOccurrences(of: """
            # Sequences and the simple RNN

            A recurrent network keeps a vector, the hidden state h, and updates it once
            per step from the new input and its own previous value:

            ```
            h_t = tanh(U x_t + W h_{t-1} + b)
            ```

            - the same weights at every step;
            - trained by **backpropagation through time**.
            """, with: """
            # 简单循环神经网络

            循环神经网络（recurrent neural network）在每个时间步都用**同一组权重**更新隐状态 h_t。这就是**遗忘门**的作用吗？不是——那是 LSTM 的*门控机制*。

            ```
            h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
            ```

            - 每一步使用**相同的权重**；
            - 用“随时间反向传播”（BPTT）训练……
            - 把 `forget_bias` 设为 1，看看会怎样。
            """)

    /// The Chinese lesson open and trained for `steps` fake steps, in the Chinese test language.
    static func state(width: Int, height: Int, steps: Int = 120) -> AppState {
        var state = AppState(lessons: [fixtureLesson(lessonText)], width: width, height: height)
        state.language = chinese
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .trainer(.running(true)), .tick(seconds: 0)])
        for step in 1...steps {
            send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)))])
            send(&state, [.tick(seconds: Double(step) / 40)])
        }
        send(&state, [.trainer(.running(false))])
        return state
    }

    static let ambiguousWide = Capabilities.full.with(ambiguousWidth: 2)

    /// The frame's rows as a terminal shows them, a wide grapheme once.
    static func rows(_ buffer: Buffer) -> [String] {
        (0..<buffer.height).map { y in
            String((0..<buffer.width).filter { !buffer[$0, y].isContinuation }.map { buffer[$0, y].symbol })
        }
    }

    /// Columns a terminal drawing ambiguous characters `ambiguous` wide gives row `y`.
    static func columns(_ buffer: Buffer, row y: Int, ambiguous: Int) -> Int {
        (0..<buffer.width).filter { !buffer[$0, y].isContinuation }.reduce(0) { sum, x in
            let s = buffer[x, y].symbol
            return sum + (AmbiguousWidth.isAmbiguous(s) ? ambiguous : DisplayWidth.of(s))
        }
    }

    /// What the Chinese page must show across `buffers` (the page and, where
    /// the column is short, the page scrolled): bold 遗忘门, no `**` beside it,
    /// and the formula's tokens whole.
    static func checkProse(_ buffers: [Buffer]) {
        let text = buffers.map { rows($0).joined(separator: "\n") }.joined(separator: "\n")
        #expect(text.contains("遗忘门") && !text.contains("**遗") && !text.contains("门**"), "\(text)")
        let bold = buffers.contains { buffer in
            (0..<buffer.height).contains { y in
                (0..<buffer.width).contains { x in buffer[x, y].symbol == "遗" && buffer[x, y].style.attributes.contains(.bold) }
            }
        }
        #expect(bold, "遗忘门 is not bold")
        for token in ["tanh(W_ih", "b_ih", "W_hh", "h_{t-1}", "b_hh)"] { #expect(text.contains(token), "\(token) is cut: \(text)") }
    }

    /// The frame, and at 60×20 (where the prose panel shows four rows) the frame
    /// with the prose scrolled down to the formula.
    static func frames(_ state: AppState, capabilities: Capabilities = .full) -> [Buffer] {
        var frames = [frame(state, capabilities: capabilities)]
        if state.height < 24 {
            var scrolled = state
            send(&scrolled, keys(.down, .down, .down, .down, .down))
            frames.append(frame(scrolled, capabilities: capabilities))
        }
        return frames
    }

    @Test func chineseLesson80x24() {
        let buffer = frame(Self.state(width: 80, height: 24))
        assertSnapshot(buffer, named: "zh-lesson-80x24")
        Self.checkProse([buffer])
    }

    @Test func chineseLesson60x20() {
        let frames = Self.frames(Self.state(width: 60, height: 20))
        assertSnapshot(frames[0], named: "zh-lesson-60x20")
        assertSnapshot(frames[1], named: "zh-lesson-60x20-scrolled")
        Self.checkProse(frames)
    }

    @Test(arguments: [(80, 24), (60, 20)])
    func chineseLessonAtAmbiguousWidthTwo(width: Int, height: Int) {
        let frames = Self.frames(Self.state(width: width, height: height), capabilities: Self.ambiguousWide)
        assertSnapshot(frames[0], named: "zh-lesson-\(width)x\(height)-ambiguous2")
        Self.checkProse(frames)
        for buffer in frames {
            for y in 0..<buffer.height {
                // No ambiguous character reaches the terminal, so it lines up at either setting.
                #expect(Self.columns(buffer, row: y, ambiguous: 2) == width, "row \(y): \(Self.rows(buffer)[y])")
                #expect(Self.columns(buffer, row: y, ambiguous: 1) == width)
            }
        }
    }

    @Test func dashboardAloneAtAmbiguousWidthOneAndTwo() {
        var state = Self.state(width: 80, height: 24)
        send(&state, keys(.character("f")))
        #expect(state.presenting)
        let narrow = frame(state)
        let wide = frame(state, capabilities: Self.ambiguousWide)
        assertSnapshot(narrow, named: "zh-dashboard-80x24")
        assertSnapshot(wide, named: "zh-dashboard-80x24-ambiguous2")
        let text = Self.rows(wide).joined(separator: "\n")
        // The loss panel shows its legend, not its title, when the dashboard is alone.
        #expect(text.contains("隐状态 h_t：单元 x t") && text.contains("验证序列上的预测") && text.contains("𝜕L/𝜕h_t"), "\(text)")
        // At width 1 the frames are box drawing; at width 2 they are ASCII and every row is 80 columns either way.
        #expect(Self.rows(narrow).joined().contains("━") || Self.rows(narrow).joined().contains("─"))
        for y in 0..<wide.height {
            #expect(Self.columns(wide, row: y, ambiguous: 2) == 80, "row \(y): \(Self.rows(wide)[y])")
            #expect(!Self.rows(wide)[y].contains { "─━│┃┏┓┗┛⠀".contains($0) || (0x2800...0x28FF).contains($0.unicodeScalars.first!.value) })
        }
    }
}
