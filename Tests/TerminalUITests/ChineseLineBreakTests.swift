import Testing
@testable import TerminalUI

/// Chinese line breaking (issue 21): no line starts with a closing mark or
/// ends with an opening one, —— and …… stay whole, nothing is lost.
@Suite struct ChineseLineBreakTests {
    static let closers: Set<Character> = ["。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "”", "’", "…"]
    static let openers: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘"]

    /// Random Chinese prose: runs of ideographs with closing marks after them,
    /// quoted and bracketed phrases, dashes and ellipses, a Latin term now and then.
    static func prose(_ rng: inout SeededRandom) -> String {
        let han = Array("循环神经网络在每个时间步使用相同的权重梯度通过反向传播可能消失或爆炸遗忘门输入门输出门记忆元")
        func run(_ n: Int) -> String { String((0..<n).map { _ in han.randomElement(using: &rng)! }) }
        var text = ""
        for _ in 0..<Int.random(in: 3...14, using: &rng) {
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: text += "“" + run(Int.random(in: 1...4, using: &rng)) + "”"
            case 1: text += "（" + run(Int.random(in: 1...5, using: &rng)) + "）"
            case 2: text += "《" + run(2) + "》"
            case 3: text += "——" + run(3)
            case 4: text += run(2) + "……"
            case 5: text += "「" + run(3) + "」，"
            case 6: text += " LSTM " + run(2)
            case 7: text += run(Int.random(in: 1...6, using: &rng)) + ["。", "，", "、", "！", "？", "；", "："].randomElement(using: &rng)!
            default: text += run(Int.random(in: 2...8, using: &rng))
            }
        }
        return text
    }

    @Test func noLineStartsWithACloserOrEndsWithAnOpener() {
        var rng = SeededRandom(seed: 21)
        var checkedBreaks = 0
        for _ in 0..<400 {
            let text = Self.prose(&rng)
            for width in [8, 11, 16, 20, 27, 38] {
                let lines = Markdown.layout(text, width: width).map(\.plainText)
                for (i, line) in lines.enumerated() {
                    #expect(line.displayWidth <= width, "\(line)")
                    guard i > 0 else { continue }
                    checkedBreaks += 1
                    let previous = lines[i - 1]
                    #expect(!(line.first.map(Self.closers.contains) ?? false), "starts with a closer: \(previous) ‖ \(line)")
                    #expect(!(previous.last.map(Self.openers.contains) ?? false), "ends with an opener: \(previous) ‖ \(line)")
                    #expect(!(previous.hasSuffix("—") && line.hasPrefix("—")), "split dash: \(previous) ‖ \(line)")
                    #expect(!(previous.hasSuffix("…") && line.hasPrefix("…")), "split ellipsis: \(previous) ‖ \(line)")
                }
                // Nothing lost or added: only the spaces at a break may go.
                let joined = lines.joined().filter { $0 != " " }
                #expect(joined == text.filter { $0 != " " }, "\(lines)")
            }
        }
        #expect(checkedBreaks > 5000)
    }

    @Test func closingQuoteAndEllipsisStayOnTheLineBefore() {
        // Width 6 fits three ideographs: the break would fall before ” or … without the rule.
        #expect(Markdown.layout("他说“你好”，走了", width: 6).map(\.plainText).allSatisfy { !$0.hasPrefix("”") && !$0.hasPrefix("，") })
        let dots = Markdown.layout("梯度消失……然后", width: 6).map(\.plainText)
        #expect(dots.allSatisfy { !$0.hasPrefix("…") }, "\(dots)")
        #expect(dots.contains { $0.contains("……") }, "\(dots)")
    }

    @Test func openingBracketGoesToTheNextLine() {
        let lines = Markdown.layout("循环神经（RNN）网络", width: 9).map(\.plainText)
        #expect(lines.allSatisfy { !$0.hasSuffix("（") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("（") }, "\(lines)")
    }

    @Test func doubledDashStaysWhole() {
        for width in 4...12 {
            let lines = Markdown.layout("记忆元——也就是细胞状态——贯穿整个序列", width: width).map(\.plainText)
            for (a, b) in zip(lines, lines.dropFirst()) { #expect(!(a.hasSuffix("—") && b.hasPrefix("—")), "\(lines)") }
        }
    }

    @Test func latinTextIsUnchanged() {
        let text = "Press Space (or .) to step, then watch: the loss falls, doesn't it?"
        #expect(Markdown.layout(text, width: 20).map(\.plainText)
                == ["Press Space (or .)", "to step, then watch:", "the loss falls,", "doesn't it?"])
    }

    @Test func codeBlockRowsBreakBetweenTokens() {
        let source = "```\nh_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)\n```"
        let lines = Markdown.layout(source, width: 30).map(\.plainText)
        #expect(lines.count >= 2, "\(lines)")
        let tokens = "h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)".split(separator: " ").map(String.init)
        // Every token whole on one row, in order; continuation rows indented more than the first.
        #expect(lines.flatMap { $0.split(separator: " ").map(String.init) } == tokens, "\(lines)")
        #expect(lines.allSatisfy { $0.displayWidth <= 30 })
        for row in lines.dropFirst() { #expect(row.hasPrefix("      "), "\(lines)") }
    }

    @Test func codeTokenLongerThanTheRowIsSplitOnlyThen() {
        let lines = CodeWrap.wrap("  abcdefghijklmnopqrstuvwxyz0123456789", indent: "  ", width: 12)
        #expect(lines.allSatisfy { $0.displayWidth <= 12 })
        #expect(lines.map { $0.filter { $0 != " " } }.joined() == "abcdefghijklmnopqrstuvwxyz0123456789")
    }
}
