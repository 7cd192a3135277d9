/// One output of beam search: a sequence that ended with `<eos>`, or one cut off
/// at the length limit.
public struct BeamHypothesis: Sendable, Equatable {
    /// The output tokens, without `<bos>` and without `<eos>`.
    public var tokens: [Int]
    /// Σ log p(token | earlier tokens, source), including `<eos>` when `finished`.
    public var logProbability: Double
    /// True when it ended with `<eos>`; false when cut at the length limit.
    public var finished: Bool

    public init(tokens: [Int], logProbability: Double, finished: Bool) {
        self.tokens = tokens
        self.logProbability = logProbability
        self.finished = finished
    }

    /// The number of predicted tokens, `<eos>` included.
    public var length: Int { tokens.count + (finished ? 1 : 0) }

    /// The ranking score log p / length^α (Wu et al. 2016 use a smoothed length; this
    /// is the plain form). α = 0 ranks by log p, which favours short outputs; α = 1 by
    /// the mean log p per token.
    public func score(lengthPenalty alpha: Double) -> Double {
        alpha == 0 ? logProbability : logProbability / Double(max(length, 1)).pow(alpha)
    }
}

extension Double {
    fileprivate func pow(_ e: Double) -> Double { Foundation.pow(self, e) }
}

/// Beam search of width k over any step-by-step model, best hypothesis first.
///
/// Starting from the single hypothesis `[<bos>]`, each step scores every live
/// hypothesis i and next token v by logp_i + log p(v | i) and keeps the k best of all
/// these candidates (ties: lower i, then lower v — so width 1 is exactly greedy
/// decoding). A kept candidate whose token is `<eos>` is finished and leaves the beam,
/// so the beam narrows as hypotheses finish. The search stops when no hypothesis is
/// live, after `maxLength` tokens (the live ones are then returned unfinished), or —
/// with `lengthPenalty` 0 — as soon as the best finished log p is at least the best
/// live one (log p only falls as a hypothesis grows, so none could overtake it).
/// The result, finished and cut-off hypotheses together, is sorted by
/// `score(lengthPenalty:)`, best first.
///
/// - Parameters:
///   - step: given the last token of each of n live hypotheses and their state
///     (n rows), returns log-probabilities (n rows of V) and the next state (n rows).
///   - select: the state rows of the given hypotheses, in order (rows may repeat).
public func beamSearch<State>(
    width: Int, maxLength: Int, bos: Int, eos: Int, lengthPenalty: Double = 0, initialState: State,
    step: (_ tokens: [Int], _ state: State) -> (logProbabilities: [[Double]], state: State),
    select: (_ state: State, _ rows: [Int]) -> State
) -> [BeamHypothesis] {
    precondition(width >= 1 && maxLength >= 0, "beam width \(width), length limit \(maxLength)")
    var live = [BeamHypothesis(tokens: [], logProbability: 0, finished: false)]
    var last = [bos]
    var state = initialState
    var done: [BeamHypothesis] = []
    for _ in 0..<maxLength {
        let (logp, next) = step(last, state)
        precondition(logp.count == live.count, "\(logp.count) rows of log-probabilities for \(live.count) hypotheses")
        var candidates: [(score: Double, beam: Int, token: Int)] = []
        for (i, row) in logp.enumerated() {
            for (v, lp) in row.enumerated() { candidates.append((live[i].logProbability + lp, i, v)) }
        }
        candidates.sort { a, b in
            a.score != b.score ? a.score > b.score : (a.beam != b.beam ? a.beam < b.beam : a.token < b.token)
        }
        var kept: [BeamHypothesis] = []
        var parents: [Int] = []
        for c in candidates.prefix(width) {
            let tokens = live[c.beam].tokens
            if c.token == eos {
                done.append(BeamHypothesis(tokens: tokens, logProbability: c.score, finished: true))
            } else {
                kept.append(BeamHypothesis(tokens: tokens + [c.token], logProbability: c.score, finished: false))
                parents.append(c.beam)
            }
        }
        live = kept
        if live.isEmpty { break }
        state = select(next, parents)
        last = live.map { $0.tokens.last! }
        if lengthPenalty == 0, let bestDone = done.map(\.logProbability).max(),
           bestDone >= live.map(\.logProbability).max()! { break }
    }
    let all = done + (live.isEmpty ? [] : live)
    // Stable: equal scores keep the order in which the hypotheses were found.
    return all.enumerated().sorted { a, b in
        let (x, y) = (a.element.score(lengthPenalty: lengthPenalty), b.element.score(lengthPenalty: lengthPenalty))
        return x != y ? x > y : a.offset < b.offset
    }.map(\.element)
}

import Foundation
