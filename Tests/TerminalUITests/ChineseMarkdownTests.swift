import Testing
@testable import TerminalUI

/// Markdown emphasis and code spans next to Chinese text (issue 21).
@Suite struct ChineseMarkdownTests {
    private func spans(_ text: String) -> [Span] {
        Markdown.layout(text, width: 200).flatMap(\.spans)
    }

    /// A paragraph hard-wrapped in the source joins without a space between two
    /// CJK characters, with one where Latin text meets the break, and with one
    /// between Korean words.
    @Test func softLineBreaksBetweenIdeographsAddNoSpace() {
        #expect(Markdown.layout("把一张图片\n一次读一行", width: 200).map(\.plainText) == ["把一张图片一次读一行"])
        #expect(Markdown.layout("读完。\n然后", width: 200).map(\.plainText) == ["读完。然后"])
        #expect(Markdown.layout("在 PyTorch\n中", width: 200).map(\.plainText) == ["在 PyTorch 中"])
        #expect(Markdown.layout("使用\nPyTorch", width: 200).map(\.plainText) == ["使用 PyTorch"])
        #expect(Markdown.layout("이것은\n게이트", width: 200).map(\.plainText) == ["이것은 게이트"])
        #expect(Markdown.layout("- 第一项\n  继续", width: 200).map(\.plainText).joined().hasSuffix("第一项继续"))
    }

    @Test func boldBetweenIdeographs() {
        let lines = Markdown.layout("这就是**遗忘门**的作用", width: 200)
        #expect(lines.map(\.plainText) == ["这就是遗忘门的作用"])
        #expect(spans("这就是**遗忘门**的作用").contains(Span("遗忘门", style: .bold)))
    }

    @Test func italicAndUnderscoreBetweenIdeographs() {
        #expect(spans("梯度*消失*了").contains(Span("消失", style: .italic)))
        #expect(spans("梯度_爆炸_了").contains(Span("爆炸", style: .italic)))
        #expect(spans("这是***重点***。").contains(Span("重点", style: Style(attributes: [.bold, .italic]))))
    }

    @Test func emphasisNextToChinesePunctuationAndKana() {
        #expect(spans("注意：**梯度裁剪**，然后").contains(Span("梯度裁剪", style: .bold)))
        #expect(spans("（**LSTM**）").contains(Span("LSTM", style: .bold)))
        #expect(spans("これは**ゲート**です").contains(Span("ゲート", style: .bold)))
        #expect(spans("이것은**게이트**입니다").contains(Span("게이트", style: .bold)))
    }

    @Test func mixedLatinAndChinese() {
        let s = spans("把 **forget_bias** 设为 1，**遗忘门 (forget gate)** 就打开了")
        #expect(s.contains(Span("forget_bias", style: .bold)))
        #expect(s.contains(Span("遗忘门 (forget gate)", style: .bold)))
        #expect(spans("用**LSTM**训练").contains(Span("LSTM", style: .bold)))
    }

    @Test func codeSpanBetweenIdeographs() {
        let lines = Markdown.layout("把`forget_bias`设为1", width: 200)
        #expect(lines.map(\.plainText) == ["把forget_bias设为1"])
        #expect(lines[0].spans.contains(Span("forget_bias", style: .fg(.yellow))))
    }

    @Test func latinIntrawordStaysLiteral() {
        #expect(Markdown.layout("a**b**c and snake_case_name and 2*x*y", width: 200).map(\.plainText)
                == ["a**b**c and snake_case_name and 2*x*y"])
        #expect(!spans("a**b**c").contains { $0.style.attributes.contains(.bold) })
        // A formula inside Chinese prose keeps its underscores.
        #expect(Markdown.layout("隐状态 h_t 与 x_t 有关", width: 200).map(\.plainText) == ["隐状态 h_t 与 x_t 有关"])
    }

    @Test func unmatchedMarkerStaysLiteral() {
        #expect(Markdown.layout("这是**没有结尾", width: 200).map(\.plainText) == ["这是**没有结尾"])
    }

    @Test func cjkClassification() {
        for c: Character in ["中", "。", "，", "「", "ア", "ひ", "한", "１", "𠀀"] { #expect(CJKText.isCJK(c), "\(c)") }
        for c: Character in ["a", "é", "σ", "1", "→", "😀"] { #expect(!CJKText.isCJK(c), "\(c)") }
    }
}
