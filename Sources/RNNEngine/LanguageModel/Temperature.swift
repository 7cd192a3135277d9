/// How the next token is chosen from the logits.
public enum Temperature: Sendable, Equatable {
    /// Always the most likely token (argmax; the lowest index wins a tie): the
    /// limit T → 0.
    case greedy
    /// A draw from softmax(logits / T). T must be finite and greater than 0:
    /// T < 1 sharpens the distribution, T > 1 flattens it, T = 1 is the model's own.
    case scaled(Double)

    /// Refuses a temperature that is not a finite number above 0.
    public static func validated(_ t: Double) throws(SamplingError) -> Temperature {
        guard t.isFinite && t > 0 else { throw .temperatureOutOfRange(t) }
        return .scaled(t)
    }
}

/// Why sampling cannot start.
///
/// `description` is a developer's message; a screen maps the case to its own
/// catalogue sentence.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The temperature is not in (0, ∞).
    case temperatureOutOfRange(Double)
    /// Sampling needs at least one token to start from.
    case emptyPrime
    /// A prime token is not in 0..<V.
    case primeTokenOutOfRange(token: Int, vocabularySize: Int)

    public var description: String {
        switch self {
        case .temperatureOutOfRange(let t):
            return "temperature \(t) is outside the range (0, ∞): it must be a finite number greater than 0 (use greedy for argmax)"
        case .emptyPrime:
            return "sampling needs a prime of at least one token"
        case let .primeTokenOutOfRange(token, v):
            return "prime token \(token) is outside the vocabulary 0..<\(v)"
        }
    }
}

/// softmax(logits / T), computed stably as exp((l − max l) / T) / Σ. For
/// `.greedy`, all the mass on the argmax.
public func nextTokenProbabilities(_ logits: [Double], _ temperature: Temperature) -> [Double] {
    precondition(!logits.isEmpty, "no logits to choose from")
    let top = logits.max()!
    switch temperature {
    case .greedy:
        let k = logits.firstIndex(of: top)!
        return logits.indices.map { $0 == k ? 1 : 0 }
    case .scaled(let t):
        precondition(t.isFinite && t > 0, "temperature \(t) is outside (0, ∞)")
        let e = logits.map { Foundation.exp(($0 - top) / t) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}

/// One token drawn from `nextTokenProbabilities` by inverting the cumulative
/// distribution at a uniform draw u ∈ [0, 1). Greedy draws nothing from `rng`.
public func drawToken(_ logits: [Double], _ temperature: Temperature, rng: inout SplitMix64) -> Int {
    let p = nextTokenProbabilities(logits, temperature)
    if case .greedy = temperature { return p.firstIndex(of: 1)! }
    let u = rng.nextUnit()
    var cumulative = 0.0
    for (k, pk) in p.enumerated() {
        cumulative += pk
        if u < cumulative { return k }
    }
    // Rounding left the total a hair under 1 and u above it: the last token with mass.
    return p.lastIndex { $0 > 0 }!
}

import Foundation
