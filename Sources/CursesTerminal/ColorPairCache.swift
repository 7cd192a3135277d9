import TerminalUI

/// Assigns curses colour-pair numbers to (foreground, background) pairs of
/// palette colours, first come first served. Pure: the terminal calls
/// `init_extended_pair` for each pair reported as new.
///
/// Colours are first brought down to the terminal's palette with
/// ``ColorDowngrade``, so 256-colour styles that look alike on an 8- or
/// 16-colour terminal share a pair. A `nil` colour is the terminal default:
/// `-1` when `use_default_colors()` worked, otherwise white on black. The
/// default/default combination is pair 0 and never allocated.
///
/// When all `capacity` pairs are taken, further combinations get pair 0
/// (default colours) and are counted in ``overflowCount``. On 256-colour
/// terminals curses offers 65 535 pairs, far more than a frame uses; on an
/// 8-colour terminal (63 pairs) at most 81 combinations exist.
public struct ColorPairCache: Sendable {
    /// A resolved pair of curses colour numbers (`-1` is the default colour).
    public struct Colors: Hashable, Sendable {
        public var foreground: Int32
        public var background: Int32
        public init(foreground: Int32, background: Int32) {
            self.foreground = foreground
            self.background = background
        }
    }

    /// The answer of ``pair(foreground:background:)``.
    public struct Lookup: Hashable, Sendable {
        /// The pair number to draw with.
        public var pair: Int32
        /// The curses colours of that pair.
        public var colors: Colors
        /// Whether the pair was just allocated and must be initialised.
        public var isNew: Bool
    }

    /// Largest pair number that may be allocated.
    public let capacity: Int
    /// Colours the terminal has (`COLORS`).
    public let paletteSize: Int
    /// Whether `-1` may stand for the terminal's default colour.
    public let defaultColors: Bool
    /// Lookups that found no free pair and fell back to pair 0.
    public private(set) var overflowCount = 0

    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1

    /// A cache for a terminal with `capacity` usable pairs (`COLOR_PAIRS - 1`)
    /// and `paletteSize` colours.
    public init(capacity: Int, paletteSize: Int, defaultColors: Bool) {
        self.capacity = max(0, capacity)
        self.paletteSize = paletteSize
        self.defaultColors = defaultColors
    }

    /// Number of pairs allocated so far.
    public var count: Int { pairs.count }

    /// The curses colours for a style's colours on this terminal.
    public func resolve(foreground: Color?, background: Color?) -> Colors {
        func map(_ c: Color?, fallback: Int32) -> Int32 {
            guard let c else { return defaultColors ? -1 : fallback }
            return Int32(ColorDowngrade.index(c, paletteSize: paletteSize))
        }
        return Colors(foreground: map(foreground, fallback: 7), background: map(background, fallback: 0))
    }

    /// The pair for these colours, allocating one if needed.
    public mutating func pair(foreground: Color?, background: Color?) -> Lookup {
        let colors = resolve(foreground: foreground, background: background)
        if foreground == nil && background == nil {
            return Lookup(pair: 0, colors: colors, isNew: false)
        }
        if let pair = pairs[colors] { return Lookup(pair: pair, colors: colors, isNew: false) }
        guard Int(next) <= capacity else {
            overflowCount += 1
            return Lookup(pair: 0, colors: colors, isNew: false)
        }
        let pair = next
        next += 1
        pairs[colors] = pair
        return Lookup(pair: pair, colors: colors, isNew: true)
    }
}
