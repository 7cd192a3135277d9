import Testing
@testable import RNNEngine

/// The float32 register path of `CellStep` (`FloatCellRow`: all gates of 16 units in
/// one pass) against the plain loops it replaced (`vectorised: false`), on the same
/// inputs: every output must be bitwise equal, forward (h, c, saved gate values) and
/// backward (δ on both sides, ∂L/∂c_{t−1}, the direct path to h_{t−1}). Hidden sizes
/// on and off the 16-lane vector (tails of 5, 7 and 12 lanes), rows with a wide
/// δ_ih row stride (batch-major over a sequence), pre-activations large enough to
/// saturate the gates, and the LSTM's clamped forget gate.
@Suite struct CellStepVectorTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: CellKind
        var hidden: Int
        var clamp: Float?
        var description: String { "\(kind.rawValue) H\(hidden)\(clamp.map { " clamp \($0)" } ?? "")" }
    }

    static let cases: [Case] = [CellKind.rnnTanh, .lstm, .gru].flatMap { kind in
        [5, 16, 23, 32, 44].map { Case(kind: kind, hidden: $0) }
    } + [Case(kind: .lstm, hidden: 21, clamp: 0.5)]

    @Test(arguments: cases)
    func registerPathIsBitwiseThePlainLoops(_ c: Case) {
        let (rows, H) = (3, c.hidden)
        let G = c.kind.gateCount * H, S = c.kind.savedBlocks * H
        let xpStride = 2 * G + 3, dStride = G + 5       // rows of longer buffers, as in a whole sequence
        var rng = SplitMix64(seed: UInt64(H * 10 + c.kind.gateCount))
        func random(_ n: Int, _ scale: Double) -> [Float] { (0..<n).map { _ in Float(rng.uniform(-scale, scale)) } }
        let xp = random(rows * xpStride, 6), hp = random(rows * G, 6), bih = random(G, 1), bhh = random(G, 1)
        let hPrev = random(rows * H, 1), cPrev = random(rows * H, 3)
        let g = random(rows * H, 2), dcIn = random(rows * H, 2)
        let cPrevBuffer = UnsafeMutablePointer<Float>.allocate(capacity: cPrev.count)
        cPrevBuffer.initialize(from: cPrev, count: cPrev.count)
        defer { cPrevBuffer.deallocate() }
        let cPrevPointer = UnsafePointer(cPrevBuffer)

        struct Out: Equatable {
            var saved: [UInt32], h: [UInt32], c: [UInt32]
            var dIH: [UInt32], dHH: [UInt32], dc: [UInt32], prev: [UInt32]
        }
        func run(vectorised: Bool) -> Out {
            var cell = CellStep<Float>(kind: c.kind, rows: rows, hidden: H, forgetClamp: c.clamp)
            cell.vectorised = vectorised
            // NaN fill: a value the path forgot to write shows as a mismatch.
            var saved = [Float](repeating: .nan, count: max(1, rows * S)), h = [Float](repeating: .nan, count: rows * H)
            var cNew = [Float](repeating: .nan, count: rows * H)
            var dIH = [Float](repeating: .nan, count: rows * dStride), dHH = [Float](repeating: .nan, count: rows * G)
            var dc = dcIn, prev = [Float](repeating: .nan, count: rows * H)
            saved.withUnsafeMutableBufferPointer { sv in h.withUnsafeMutableBufferPointer { hv in
                cNew.withUnsafeMutableBufferPointer { cv in
                    cell.forward(xp: xp, xpStride: xpStride, bih: bih, hp: hp, bhh: bhh, hPrev: hPrev,
                                 cPrev: c.kind.hasCellState ? cPrevPointer : nil, saved: sv.baseAddress!,
                                 h: hv.baseAddress!, c: c.kind.hasCellState ? cv.baseAddress! : nil)
                }
            } }
            let hForBackward = h
            dIH.withUnsafeMutableBufferPointer { di in dHH.withUnsafeMutableBufferPointer { dh in
                dc.withUnsafeMutableBufferPointer { dcv in prev.withUnsafeMutableBufferPointer { pv in
                    cell.backward(g: g, dc: c.kind.hasCellState ? dcv.baseAddress! : nil, saved: saved,
                                  h: hForBackward, hPrev: hPrev, cPrev: c.kind.hasCellState ? cPrevPointer : nil,
                                  deltaIH: di.baseAddress!, deltaIHStride: dStride, deltaHH: dh.baseAddress!,
                                  toPrevious: pv.baseAddress!)
                } }
            } }
            // Only the G values of each δ_ih row belong to the cell; the gap between rows is not written.
            let dIHRows = (0..<rows).flatMap { b in dIH[(b * dStride)..<(b * dStride + G)] }
            func bits(_ v: [Float]) -> [UInt32] { v.map(\.bitPattern) }
            return Out(saved: bits(saved), h: bits(h), c: c.kind.hasCellState ? bits(cNew) : [],
                       dIH: bits(dIHRows), dHH: bits(dHH), dc: bits(dc), prev: bits(prev))
        }
        let plain = run(vectorised: false), fused = run(vectorised: true)
        #expect(fused.saved == plain.saved, "saved gate values")
        #expect(fused.h == plain.h, "h_t")
        #expect(fused.c == plain.c, "c_t")
        #expect(fused.dIH == plain.dIH, "δ input side")
        #expect(fused.dHH == plain.dHH, "δ recurrent side")
        #expect(fused.dc == plain.dc, "∂L/∂c_{t−1}")
        #expect(fused.prev == plain.prev, "direct path to h_{t−1}")
        // The plain path wrote real numbers everywhere it should (the NaN fill is gone).
        #expect(!plain.h.contains { Float(bitPattern: $0).isNaN })
        #expect(!plain.dIH.contains { Float(bitPattern: $0).isNaN })
    }
}
