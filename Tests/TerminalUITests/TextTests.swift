import Testing
@testable import TerminalUI

@Suite struct TextTests {
    let lesson = """
        # Vanishing gradients

        A recurrent layer applies the **same** weights at every step:
        h_t = tanh(U x_t + W h_{t-1} + b). Its *gradient* through time is a
        product of Jacobians, so `‖∂L/∂h_t‖` shrinks like ρ(W)^t when ρ(W) < 1.

        ## Things to try
        - Set the `seq_len` knob to 50 and watch the *early* steps.
        - Compare with an LSTM:
          its cell state keeps a path open.
          1. open the gates panel
          2. press `g`

        > Note: 2*x*y and a * b stay as written, and so does snake_case_name.

        ```
        for t in stride(from: T - 1, through: 0, by: -1) {
            dh = W.T @ (dh * (1 - h[t]^2))
        }
        ```
        ---
        """

    @Test func markdownPage() {
        var b = Buffer(width: 52, height: 30)
        b.render(MarkdownView(source: lesson), in: b.bounds)
        assertSnapshot(b, named: "markdown-page", styles: true)
    }

    @Test func chineseTextWrapsByWidth() {
        let text = "循环神经网络在每个时间步使用相同的权重。梯度通过时间反向传播，可能消失或爆炸。Use `clip` 来限制梯度。"
        var b = Buffer(width: 24, height: 8)
        b.render(MarkdownView(source: text), in: b.bounds)
        assertSnapshot(b, named: "markdown-chinese")
        for line in Markdown.layout(text, width: 24) { #expect(line.displayWidth <= 24) }
    }

    @Test func formulasStayIntact() {
        let lines = Markdown.layout("h_t = tanh(U x_t + W h_{t-1} + b) and 2*x*y and a * b * c and _x_", width: 200)
        #expect(lines.count == 1)
        #expect(lines[0].plainText == "h_t = tanh(U x_t + W h_{t-1} + b) and 2*x*y and a * b * c and x")
        #expect(lines[0].spans.last == Span("x", style: .italic))
    }

    @Test func inlineMarkup() {
        let lines = Markdown.layout("**bold** *it* `a_b *c*` \\*not\\* ***both***", width: 80)
        let spans = lines[0].spans
        #expect(spans.contains(Span("bold", style: .bold)))
        #expect(spans.contains(Span("it", style: .italic)))
        #expect(spans.contains(Span("a_b *c*", style: .fg(.yellow))))
        #expect(lines[0].plainText == "bold it a_b *c* *not* both")
        #expect(spans.contains(Span("both", style: Style(attributes: [.bold, .italic]))))
    }

    @Test func inlineCodeIsNotBroken() {
        let lines = Markdown.layout("see `h_t = tanh(W h)` here", width: 12)
        #expect(lines.first?.plainText == "see")
        #expect(lines.allSatisfy { $0.displayWidth <= 12 })
        let wide = Markdown.layout("see `h_t = tanh(W h)` here", width: 18)
        #expect(wide.map(\.plainText) == ["see", "h_t = tanh(W h)", "here"])
    }

    @Test func wrappingNeverExceedsWidth() {
        var rng = SeededRandom(seed: 11)
        let words = ["a", "word", "中文", "longerwordthanmost", "`code span`", "**b**", "_i_", "x_t", "😀", "  "]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let width = Int.random(in: 1...30, using: &rng)
            for line in Markdown.layout("- " + text, width: width) { #expect(line.displayWidth <= max(width, 2)) }
        }
    }

    @Test func scrolledTextView() {
        let lines = (1...20).map { StyledLine("line \($0)") }
        var b = Buffer(width: 12, height: 5)
        b.render(TextView(lines: lines, scroll: 8), in: b.bounds)
        assertSnapshot(b, named: "textview-scrolled")
        var c = Buffer(width: 12, height: 5)
        c.render(TextView(lines: lines, scroll: 999), in: c.bounds)
        #expect(c.textLines()[4].hasPrefix("line 20"))
    }
}
