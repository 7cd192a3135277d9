/// The element types the safetensors format knows, spelled as in the header.
///
/// The list and the sizes follow the reference crate (safetensors 0.8): a file
/// with any of these types is laid out correctly or not regardless of whether
/// this engine can hold its values. The engine loads `F32`, `F64` and `I64`;
/// the others are refused with ``SafetensorsError/unsupportedDType(tensor:dtype:)``
/// only after the layout check, so a broken file gets the layout message.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case BOOL, F4, F6_E2M3, F6_E3M2, U8, I8
    case F8_E5M2, F8_E4M3, F8_E8M0, F8_E4M3FNUZ, F8_E5M2FNUZ
    case I16, U16, F16, BF16, I32, U32, F32, C64, F64, I64, U64

    /// Bits per element (4 and 6 for the packed sub-byte float types).
    public var bitSize: Int {
        switch self {
        case .F4: return 4
        case .F6_E2M3, .F6_E3M2: return 6
        case .BOOL, .U8, .I8, .F8_E5M2, .F8_E4M3, .F8_E8M0, .F8_E4M3FNUZ, .F8_E5M2FNUZ: return 8
        case .I16, .U16, .F16, .BF16: return 16
        case .I32, .U32, .F32: return 32
        case .C64, .F64, .I64, .U64: return 64
        }
    }

    /// True for the types this engine reads and writes.
    public var isSupported: Bool { self == .F32 || self == .F64 || self == .I64 }

    /// The writer's order: the reference sorts by descending alignment (its enum
    /// order reversed: I64 before F64 before F32), then by name, so every tensor
    /// starts at a multiple of its element size once the header is padded to 8.
    var writeRank: Int {
        switch self {
        case .I64: return 0
        case .F64: return 1
        default: return 2
        }
    }

    /// The safetensors name of an engine dtype.
    init(_ dtype: DType) {
        switch dtype {
        case .float32: self = .F32
        case .float64: self = .F64
        }
    }
}
