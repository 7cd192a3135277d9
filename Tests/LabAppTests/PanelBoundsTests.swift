@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// A panel draws only inside the rectangle it is given, at every size and in
/// every state: drawn without a clip into a larger buffer, the margin stays blank.
@Suite struct PanelBoundsTests {
    @Test(arguments: PanelKind.allCases)
    func nothingIsDrawnOutsideThePanel(_ id: PanelKind) {
        let panel = registered(id)
        for (name, context) in panelContexts() {
            for (w, h) in panelSizes {
                for capabilities in [Capabilities.full, .ascii] {
                    let (buffer, rect) = drawInMargin(panel, context, width: w, height: h, capabilities: capabilities)
                    let stray = strayCells(buffer, outside: rect)
                    #expect(stray.isEmpty, "\(id.rawValue) in the \(name) state at \(w)×\(h): \(stray.prefix(5))")
                }
            }
        }
    }

    @Test(arguments: PanelKind.allCases)
    func everyPanelShowsSomethingInEveryState(_ id: PanelKind) {
        let panel = registered(id)
        for (name, context) in panelContexts() {
            let (buffer, rect) = drawInMargin(panel, context, width: 48, height: 12)
            #expect(drawsInside(buffer, rect), "\(id.rawValue) in the \(name) state draws nothing at 48×12")
        }
    }
}

/// Where the dashboard puts the panels: inside the body, never overlapping,
/// with the rows each band asks for.
@Suite struct DashboardLayoutTests {
    /// Every lesson's panel list in `lessons/`, and a few edge cases.
    static let panelLists: [[PanelKind]] = [
        [.loss, .gradientNorms, .hiddenHeatmap, .predictions], [.loss, .rtrl, .gradientNorms],
        [.loss, .gradientNorms, .gradientHistory, .metric], [.loss, .gatesHeatmap, .cellHeatmap, .metric, .gradientNorms],
        [.loss, .gatesHeatmap, .hiddenHeatmap, .compare], [.loss, .attention, .predictions, .gradientNorms],
        [.metric], [.predictions], PanelKind.allCases,
    ]

    @Test func panelsStayInsideTheBodyAndApart() {
        let context = panelContext(attentionState())
        for list in Self.panelLists {
            for (w, h) in panelSizes {
                let body = Rect(x: 2, y: 1, width: w, height: h)
                let placed = DashboardLayout.place(list.map(registered), context, in: body)
                let byBand = PanelPlacement.allCases.flatMap { band in list.filter { registered($0).placement == band } }
                #expect(placed.map { $0.0.id } == byBand, "\(list)")
                for (i, (panel, rect)) in placed.enumerated() {
                    #expect(body.contains(rect), "\(panel.id) at \(rect) outside \(body)")
                    for (other, r) in placed[(i + 1)...] {
                        #expect(rect.intersection(r).isEmpty, "\(panel.id) \(rect) overlaps \(other.id) \(r)")
                    }
                }
            }
        }
    }

    @Test func theMiddleBandGrowsForTheRowsAPanelWouldLike() {
        // 20 output steps: the attention panel would like 23 rows, more than half of 40.
        var context = panelContext(attentionState())
        context.run.probes?[.attention] = .grid(Grid(rows: 20, columns: 20, values: Array(repeating: 0.05, count: 400)))
        let body = Rect(width: 60, height: 40)
        let tall = DashboardLayout.place([registered(.loss), registered(.attention)], context, in: body)
        #expect(tall.map { $0.1.height } == [17, 23])
        // Without a preference the band takes half the height (42% under 30 rows).
        let plain = DashboardLayout.place([registered(.loss), registered(.hiddenHeatmap)], context, in: body)
        #expect(plain.map { $0.1.height } == [20, 20])
        let short = DashboardLayout.place([registered(.loss), registered(.hiddenHeatmap)], context, in: Rect(width: 60, height: 20))
        #expect(short.map { $0.1.height } == [12, 8])
        // The loss plot keeps its six rows however many the attention panel would like.
        let cramped = DashboardLayout.place([registered(.loss), registered(.attention)], context, in: Rect(width: 60, height: 20))
        #expect(cramped.map { $0.1.height } == [6, 14])
    }

    @Test func theFooterTakesWhatItsSamplesNeedUpToAThird() {
        let context = panelContext(trainedState())   // two sequence samples: 1 + 2 × 2 rows
        let panels = [registered(.loss), registered(.predictions)]
        #expect(DashboardLayout.place(panels, context, in: Rect(width: 60, height: 30)).map { $0.1.height } == [25, 5])
        #expect(DashboardLayout.place(panels, context, in: Rect(width: 60, height: 12)).map { $0.1.height } == [7, 5])
        var many = context
        many.run.samples = Array(repeating: SampleRow(predicted: [.symbol("a"), .symbol("b")], target: [.symbol("a"), .symbol("b")],
                                                      correct: [true, true]), count: 20)
        #expect(DashboardLayout.place(panels, many, in: Rect(width: 60, height: 30)).map { $0.1.height } == [20, 10])
    }

    @Test func theComparePanelTakesHalfTheRowItShares() {
        let context = panelContext(compareState())
        let placed = DashboardLayout.place([registered(.loss), registered(.gatesHeatmap), registered(.compare)], context,
                                           in: Rect(width: 100, height: 30))
        #expect(placed.map { $0.1.width } == [100, 48, 50])
        let alone = DashboardLayout.place([registered(.loss), registered(.compare)], context, in: Rect(width: 100, height: 30))
        #expect(alone.map { $0.1.width } == [100, 100])
    }

    @Test func withoutAMainPlotTheMiddleBandFillsTheBody() {
        let placed = DashboardLayout.place([registered(.metric)], panelContext(trainedState()), in: Rect(width: 50, height: 20))
        #expect(placed.map { $0.1 } == [Rect(width: 50, height: 20)])
    }
}
