import Testing
@testable import RNNEngine

/// `Allocator.residentBytes()`, which `rnnlab bench --only memory` reads to report
/// growth over 10,000 steps: it reads /proc/self/status, and touching 64 MiB of
/// fresh memory raises the peak by about that much (other tests running at the
/// same time can only raise it further).
@Suite struct ResidentMemoryTests {
    @Test func peakFollowsTouchedMemory() throws {
        #if os(Linux)
        let before = try #require(Allocator.residentBytes())
        #expect(before.current > 0 && before.peak >= before.current)
        let count = 64 << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 4096)
        defer { block.deallocate() }
        for page in stride(from: 0, to: count, by: 4096) { block.storeBytes(of: UInt8(1), toByteOffset: page, as: UInt8.self) }
        let after = try #require(Allocator.residentBytes())
        #expect(after.peak >= before.current + (60 << 20), "peak \(after.peak), before \(before.current)")
        #expect(after.current >= before.current + (60 << 20) || after.peak > before.peak)
        #endif
    }
}
