import Testing
import LabText
@testable import TerminalUI

/// East Asian Ambiguous width 2 and the ASCII-glyph mode (issue 21).
@Suite struct AmbiguousWidthTests {
    static let wide = Capabilities.full.with(ambiguousWidth: 2)

    /// The columns a terminal that draws ambiguous characters two wide gives
    /// row `y`: each shown grapheme once, ambiguous ones counted as two.
    static func terminalWidth(_ buffer: Buffer, row y: Int) -> Int {
        (0..<buffer.width).filter { !buffer[$0, y].isContinuation }.reduce(0) { sum, x in
            let symbol = buffer[x, y].symbol
            return sum + (AmbiguousWidth.isAmbiguous(symbol) ? 2 : DisplayWidth.of(symbol))
        }
    }

    @Test func theTableKnowsWhichCharactersAreAmbiguous() {
        for c: Character in ["─", "━", "│", "┏", "▒", "█", "▶", "…", "·", "×", "→", "‖", "σ", "Σ", "∂", "⊙", "ρ", "≤", "²", "“", "—"] {
            #expect(AmbiguousWidth.isAmbiguous(c), "\(c)")
        }
        for c: Character in ["a", "中", "。", "░", "✓", "✖", "⠁", "◦", "›", "−", "e"] {
            #expect(!AmbiguousWidth.isAmbiguous(c), "\(c)")
        }
    }

    @Test func everyStandInIsOneColumnAndNotAmbiguous() {
        for range in AmbiguousWidth.ranges {
            for v in range.0...range.1 {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let c = Character(scalar)
                guard DisplayWidth.of(c) == 1 else { continue }
                let s = AmbiguousWidth.narrowStandIn(for: c)
                #expect(DisplayWidth.of(s) == 1 && !AmbiguousWidth.isAmbiguous(s), "\(c) → \(s)")
            }
        }
        #expect(AmbiguousWidth.narrowStandIn(for: "σ") == "𝜎")
        #expect(AmbiguousWidth.narrowStandIn(for: "∂") == "𝜕")
        #expect(AmbiguousWidth.narrowStandIn(for: "─") == "-")
        #expect(AmbiguousWidth.narrowStandIn(for: "“") == "\"")
        // Accented Latin letters (é is ambiguous too) keep their base letter.
        #expect(AmbiguousWidth.narrowStandIn(for: "é") == "e" && AmbiguousWidth.narrowStandIn(for: "ü") == "u")
    }

    @Test func ambiguousWidthTwoTurnsASCIIGlyphsOn() {
        #expect(Self.wide.asciiGlyphs && !Self.wide.unicodeGlyphs && Self.wide.unicode)
        #expect(Capabilities.full.unicodeGlyphs && Capabilities.full.ambiguousWidth == 1)
        #expect(Capabilities(color: true, unicode: true, ambiguousWidth: 7).ambiguousWidth == 2)
    }

    @Test func aBufferAtWidthTwoHoldsNoAmbiguousCharacter() {
        var b = Buffer(width: 40, height: 4, capabilities: Self.wide)
        b.render(Panel(title: "‖∂L/∂h_t‖ · 梯度"), in: b.bounds)
        b.write("σ(x) → “遗忘门”……ρ ≤ 1 × 2", x: 1, y: 1)
        b.setNarrow(x: 1, y: 2, symbol: "▒")
        b.setNarrow(x: 2, y: 2, symbol: "⠿")
        b.set(x: 3, y: 2, symbol: "●")
        b.write("中文 text", in: Rect(x: 5, y: 2, width: 30, height: 1), alignment: .right)
        for y in 0..<b.height {
            for x in 0..<b.width { #expect(!AmbiguousWidth.isAmbiguous(b[x, y].symbol), "(\(x), \(y)) \(b[x, y].symbol)") }
            #expect(Self.terminalWidth(b, row: y) == 40)
        }
        // Frames in ASCII, Chinese kept, Greek as mathematical italic.
        #expect(b[0, 0].symbol == "+" && b[1, b.height - 1].symbol == "-" && b[0, 1].symbol == "|")
        let row1 = (0..<40).filter { !b[$0, 1].isContinuation }.map { String(b[$0, 1].symbol) }.joined()
        #expect(row1.contains("𝜎(x) > \"遗忘门\"⋯⋯𝜌 ⩽ 1 x 2"), "\(row1)")
    }

    @Test func widthOneKeepsEverythingAndASCIIBordersAloneKeepText() {
        var b = Buffer(width: 20, height: 3)
        b.write("σ → ·", x: 0, y: 0)
        #expect(b[0, 0].symbol == "σ" && b[2, 0].symbol == "→")
        var ascii = Buffer(width: 20, height: 3, capabilities: Capabilities.full.with(ambiguousWidth: 1, asciiGlyphs: true))
        ascii.render(Panel(title: "x"), in: ascii.bounds)
        ascii.write("σ → ⠿ “”", x: 1, y: 1)
        #expect(ascii[0, 0].symbol == "+" && ascii[1, ascii.height - 1].symbol == "-")
        #expect(ascii[1, 1].symbol == "σ" && ascii[3, 1].symbol == ">" && ascii[5, 1].symbol != "⠿" && ascii[7, 1].symbol == "“")
    }

    @Test func aPlotInASCIIGlyphsHasNoBraille() {
        let values = (0..<200).map { 1.0 / Double($0 + 1) }
        var b = Buffer(width: 40, height: 10, capabilities: Self.wide)
        b.render(LinePlot(series: [PlotSeries(name: "loss", values: values, color: .cyan)]), in: b.bounds)
        var marks = 0
        for y in 0..<b.height {
            for x in 0..<b.width {
                let v = b[x, y].symbol.unicodeScalars.first!.value
                #expect(!(0x2800...0x28FF).contains(v))
                if b[x, y].symbol != " " { marks += 1 }
            }
            #expect(Self.terminalWidth(b, row: y) == 40)
        }
        #expect(marks > 20)
    }

    @Test func settingsFromOptionsAndEnvironment() throws {
        let base = Capabilities.full
        #expect(try DisplaySettings.apply(to: base, environment: [:]).get() == base)
        #expect(try DisplaySettings.apply(to: base, environment: ["RNNLAB_AMBIGUOUS_WIDTH": "2"]).get().ambiguousWidth == 2)
        #expect(try DisplaySettings.apply(to: base, environment: ["RNNLAB_AMBIGUOUS_WIDTH": "2"], ambiguousWidth: "1").get().ambiguousWidth == 1)
        #expect(try DisplaySettings.apply(to: base, environment: ["RNNLAB_BORDERS": "ascii"]).get().asciiGlyphs)
        #expect(try DisplaySettings.apply(to: base, environment: ["RNNLAB_BORDERS": "ascii"], borders: "unicode").get().asciiGlyphs == false)
        #expect(try DisplaySettings.apply(to: base, environment: ["RNNLAB_AMBIGUOUS_WIDTH": ""]).get() == base)
    }

    @Test func badSettingsAreRefusedNamingTheSourceAndTheValidValues() {
        guard case .failure(let e) = DisplaySettings.apply(to: .full, environment: ["RNNLAB_AMBIGUOUS_WIDTH": "wide"]) else {
            Issue.record("accepted"); return
        }
        let text = Language.english.render(e.phrase)
        #expect(text.contains("$RNNLAB_AMBIGUOUS_WIDTH") && text.contains("1 or 2") && text.contains("\"wide\""), "\(text)")
        guard case .failure(let o) = DisplaySettings.apply(to: .full, environment: [:], ambiguousWidth: "3") else {
            Issue.record("accepted"); return
        }
        #expect(Language.english.render(o.phrase).hasPrefix("--ambiguous-width must be 1 or 2"))
        guard case .failure(let b) = DisplaySettings.apply(to: .full, environment: [:], borders: "fancy") else {
            Issue.record("accepted"); return
        }
        #expect(Language.english.render(b.phrase) == "--borders must be unicode or ascii, got \"fancy\"")
    }
}
