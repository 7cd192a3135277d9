import Testing
import TerminalUI

@Suite struct TableTests {
    let table = Table(
        columns: [Table.Column("lesson"), Table.Column("model"), Table.Column("loss", alignment: .right),
                  Table.Column("status", alignment: .center)],
        rows: [
            ["01 · what a recurrence is", "RNN", "1.52", "done"],
            ["02 · 梯度消失", "RNN", "2.01", "open"],
            ["03 · gates", "LSTM", "0.473", "done"],
            ["04 · attention", "GRU+attn", "NaN", "failed"],
            ["05 · char model", "LSTM", "1.2k", ""],
        ],
        selectedRow: 3)

    @Test func fitsAndSelects() {
        var b = Buffer(width: 56, height: 7)
        b.render(table, in: b.bounds)
        assertSnapshot(b, named: "table", styles: true)
    }

    @Test func narrowScrollsToSelection() {
        var b = Buffer(width: 30, height: 4)
        b.render(table, in: b.bounds)
        assertSnapshot(b, named: "table-narrow")
    }
}
