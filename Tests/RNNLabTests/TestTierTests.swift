import TestTiers
import Testing

/// `RNNLAB_TESTS=fast` is the one switch that leaves the slow tier out.
@Suite struct TestTierTests {
    @Test func onlyFastSkipsTheSlowTier() {
        #expect(TestTier.runsSlowTier([:]))
        #expect(TestTier.runsSlowTier(["RNNLAB_TESTS": "all"]))
        #expect(!TestTier.runsSlowTier(["RNNLAB_TESTS": "fast"]))
    }
}
