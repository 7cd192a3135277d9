import Synchronization

/// The last few text layouts, so a view drawn every frame does not wrap the
/// same long text again each time (a 10 MB lesson line took seconds per key).
///
/// Looking up compares keys with `==`: two `String`s that share storage (the
/// same lesson text, frame after frame) compare in constant time, so a hit
/// costs no pass over the text. Least recently used entries go first.
/// Thread-safe; drawing stays a pure function of its input.
final class LayoutCache<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[(key: Key, value: Value)]>([])
    let capacity: Int
    /// Layouts computed (misses), for tests.
    private let misses = Atomic<Int>(0)

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The cached value for `key`, or `make()`'s, remembered. `make` runs
    /// outside the lock.
    func value(for key: Key, _ make: () -> Value) -> Value {
        let hit: Value? = entries.withLock { list in
            guard let i = list.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = list.remove(at: i)
            list.append(entry)
            return entry.value
        }
        if let hit { return hit }
        misses.add(1, ordering: .relaxed)
        let value = make()
        entries.withLock { list in
            list.append((key, value))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
        return value
    }

    /// The cached value for `key`, without computing or reordering anything.
    func cached(_ key: Key) -> Value? {
        entries.withLock { list in list.last(where: { $0.key == key })?.value }
    }

    /// How many layouts were computed rather than found.
    var missCount: Int { misses.load(ordering: .relaxed) }
}

/// A layout request: the text, the width and anything else that changes the result.
struct LayoutKey<Extra: Equatable & Sendable>: Equatable, Sendable {
    var text: String
    var width: Int
    var extra: Extra
}
