import Foundation

/// The element type of a tensor. Training runs in `float32`; gradient checks run
/// the very same code in `float64` (like `torch.autograd.gradcheck` on `.double()`).
public enum DType: String, Sendable, Codable, CaseIterable {
    case float32
    case float64

    /// Bytes per element.
    public var size: Int { self == .float32 ? 4 : 8 }
}

/// The scalar types a tensor can hold. Kernels are written once, generic over
/// `EngineScalar`, and specialised by the compiler for `Float` and `Double`.
public protocol EngineScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    static var dtype: DType { get }
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
}

extension Float: EngineScalar {
    public static var dtype: DType { .float32 }
    @inline(__always) public static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { Foundation.log(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    @inline(__always) public static func sqrt(_ x: Float) -> Float { x.squareRoot() }
}

extension Double: EngineScalar {
    public static var dtype: DType { .float64 }
    @inline(__always) public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
