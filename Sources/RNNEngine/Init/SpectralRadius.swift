/// The spectral radius ρ(W) = max |λᵢ| of a square matrix, and rescaling to a
/// chosen radius: the number that decides whether a linear recurrence
/// h ← W h vanishes (ρ < 1) or explodes (ρ > 1).
extension Tensor {
    /// ρ(W) by Gelfand's formula ρ = lim ‖Wᵏ‖^(1/k), with k = 2²⁴ reached by
    /// repeated squaring in Double, renormalising at every squaring so nothing
    /// overflows. Unlike plain power iteration it converges when the largest
    /// eigenvalues are a complex pair, as they usually are for random W.
    public func spectralRadius(squarings: Int = 24) -> Double {
        precondition(rank == 2 && shape[0] == shape[1], "spectral radius needs a square matrix, got \(shape)")
        let n = shape[0]
        guard n > 0 else { return 0 }
        var a = converted(to: .float64)
        var logScale = 0.0  // W^(2^s) = e^logScale · a
        var power = 1.0
        for _ in 0..<squarings {
            let norm = a.norm()
            if norm == 0 || !norm.isFinite { return norm == 0 ? 0 : .nan }
            a.scale(by: 1 / norm)
            logScale += Foundation.log(norm)
            a = Tensor.matmul(a, a)
            logScale *= 2
            power *= 2
        }
        let norm = a.norm()
        if norm == 0 { return 0 }
        return Foundation.exp((logScale + Foundation.log(norm)) / power)
    }

    /// W scaled so that its spectral radius is `radius`.
    public func rescaled(toSpectralRadius radius: Double) -> Tensor {
        let current = spectralRadius()
        precondition(current > 0 && current.isFinite, "cannot rescale a matrix with spectral radius \(current)")
        return scaled(by: radius / current)
    }
}

import Foundation
