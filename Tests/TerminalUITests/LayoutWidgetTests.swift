import Testing
import TerminalUI

@Suite struct LayoutWidgetTests {
    @Test func panelsStatusBarAndModal() {
        var b = Buffer(width: 40, height: 12)
        let rows = b.bounds.split(.down, [.min(1), .fixed(1)])
        let cols = rows[0].split(.across, [.percentage(50), .min(0)])
        b.render(Panel(title: "Loss", footer: "1/3"), in: cols[0])
        b.render(Panel(title: "A very long title that will not fit", borders: .rounded), in: cols[1])
        b.render(StatusBar(left: "lesson 3 · LSTM", right: "step 1200"), in: rows[1])
        let modal = Modal(width: 20, height: 5, title: "Help")
        b.render(modal, in: rows[0])
        b.write("q  quit", x: modal.contentArea(in: rows[0]).x, y: modal.contentArea(in: rows[0]).y)
        assertSnapshot(b, named: "layout-panels", styles: true)
    }

    @Test func panelInAscii() {
        var b = Buffer(width: 16, height: 4, capabilities: .ascii)
        b.render(Panel(title: "Gates"), in: b.bounds)
        assertSnapshot(b, named: "layout-panel-ascii")
    }

    /// A long title (lesson 12's) is cut, not the count on the right (review: the
    /// checks counter was pushed off the status bar).
    @Test func aLongLeftPartLeavesTheRightWhole() {
        var b = Buffer(width: 50, height: 2)
        let title = "RNN Lab › 5. Applications › Forecasting with an RNN and dropout in two places"
        b.render(StatusBar(left: title, right: "checks 1/3"), in: b.bounds.row(0))
        b.render(StatusBar(left: title, right: "a right part that is wider than the whole bar is wide"), in: b.bounds.row(1))
        let lines = b.textLines()
        #expect(lines[0].hasSuffix("checks 1/3 ") && lines[0].contains(" RNN Lab › 5. Applications"), "\(lines[0])")
        #expect(lines[0].contains("…"), "\(lines[0])")
        #expect(lines[1].hasPrefix(" RNN Lab › 5. Applications") && !lines[1].contains("right part"), "\(lines[1])")
    }

    @Test func keyHints() {
        var b = Buffer(width: 44, height: 2)
        let hints = [KeyHint("q", "quit"), KeyHint("space", "pause"), KeyHint("?", "help"), KeyHint("→", "next page")]
        b.render(KeyHintBar(hints: hints), in: b.bounds.row(0))
        b.render(KeyHintBar(hints: hints), in: Rect(x: 0, y: 1, width: 30, height: 1))
        assertSnapshot(b, named: "keyhints", styles: true)
    }

    @Test func textInputScrollsToCursor() {
        var b = Buffer(width: 20, height: 4)
        var input = TextInput(prompt: "> ")
        input.insert("lr=0.01")
        b.render(input, in: b.bounds.row(0))
        input.moveLeft(); input.moveLeft()
        b.render(input, in: b.bounds.row(1))
        var long = TextInput(text: "hidden_size=256 layers=2 dropout=0.1", prompt: "set ")
        long.moveToEnd()
        b.render(long, in: b.bounds.row(2))
        b.render(TextInput(placeholder: "type a command", prompt: ": ", isFocused: false), in: b.bounds.row(3))
        assertSnapshot(b, named: "textinput", styles: true)
    }

    @Test func textInputEditing() {
        var t = TextInput(text: "abc")
        t.moveToStart(); t.deleteBackward(); t.insert("x")
        #expect(t.text == "xabc" && t.cursor == 1)
        t.deleteForward(); t.moveToEnd(); t.deleteBackward()
        #expect(t.text == "xb" && t.cursor == 2)
        t.insert("中文"); t.moveLeft(); t.deleteBackward()
        #expect(t.text == "xb文" && t.cursor == 2)
    }
}
