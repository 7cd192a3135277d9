import RNNEngine

/// The three parts every task and data set is cut into. They never share an
/// example: real data sets are partitioned by index (or by time for series),
/// and synthetic tasks with a finite space of inputs assign each distinct input
/// to one split by a hash of its content.
public enum Split: String, CaseIterable, Sendable {
    case train, validation, test
}

/// How many examples each split holds; `train == nil` means training batches
/// are generated fresh at every step (synthetic tasks).
public struct SplitSizes: Sendable, Equatable {
    public var train: Int?
    public var validation: Int
    public var test: Int

    public init(train: Int?, validation: Int, test: Int) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}

/// One value per split (examples, indices, texts): three fields, so a split is
/// never missing and reading one needs no unwrap.
struct Splits<T> {
    var train: T
    var validation: T
    var test: T

    init(train: T, validation: T, test: T) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    subscript(split: Split) -> T {
        get {
            switch split {
            case .train: return train
            case .validation: return validation
            case .test: return test
            }
        }
        set {
            switch split {
            case .train: train = newValue
            case .validation: validation = newValue
            case .test: test = newValue
            }
        }
    }

    /// The same transformation applied to each split.
    func map<U>(_ transform: (T) throws -> U) rethrows -> Splits<U> {
        Splits<U>(train: try transform(train), validation: try transform(validation), test: try transform(test))
    }

    /// (split, value) in the order train, validation, test.
    var all: [(split: Split, value: T)] { [(.train, train), (.validation, validation), (.test, test)] }
}

extension Splits: Sendable where T: Sendable {}
extension Splits: Equatable where T: Equatable {}

extension Splits where T: Collection {
    /// The first split (train, validation, test) that holds nothing, if any.
    var firstEmpty: Split? { all.first { $0.value.isEmpty }?.split }
}

enum Splitting {
    /// A seeded Fisher–Yates shuffle of 0..<n, written out so the order does
    /// not depend on the standard library's shuffle algorithm.
    static func shuffledIndices(_ n: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var order = Array(0..<n)
        if n < 2 { return order }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        return order
    }

    /// Shuffles 0..<n and cuts it into train, validation and test parts of the
    /// given fractions (the test part takes the rest).
    static func partition(_ n: Int, validation: Double, test: Double, seed: UInt64) -> Splits<[Int]> {
        let order = shuffledIndices(n, seed: seed)
        return cut(order, validation: validation, test: test)
    }

    /// Cuts an ordered list (for series: time order) into consecutive parts.
    static func cut<T>(_ items: [T], validation: Double, test: Double) -> Splits<[T]> {
        let n = items.count
        let nTest = Int((Double(n) * test).rounded())
        let nValidation = Int((Double(n) * validation).rounded())
        let nTrain = n - nTest - nValidation
        return Splits(train: Array(items[0..<nTrain]),
                      validation: Array(items[nTrain..<(nTrain + nValidation)]),
                      test: Array(items[(nTrain + nValidation)...]))
    }

    /// The split a discrete synthetic input belongs to, from a 64-bit FNV-1a
    /// hash of its tokens: 1 in 20 to validation, 1 in 20 to test.
    static func bucket<S: Sequence>(of tokens: S) -> Split where S.Element == Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for t in tokens {
            h = (h ^ UInt64(truncatingIfNeeded: t)) &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 29
        switch h % 20 {
        case 0: return .test
        case 1: return .validation
        default: return .train
        }
    }
}
