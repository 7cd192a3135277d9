/// The same pointer seen as another element type, for routing a generic call
/// to a kernel specialised for Float or Double. The caller has checked that
/// `T` and `U` are the same type; nothing is converted or copied.
@inline(__always)
func rebound<T, U>(_ p: UnsafePointer<T>) -> UnsafePointer<U> {
    UnsafeRawPointer(p).assumingMemoryBound(to: U.self)
}

/// The mutable form of ``rebound(_:)-(UnsafePointer<T>)``.
@inline(__always)
func rebound<T, U>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<U> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: U.self)
}
