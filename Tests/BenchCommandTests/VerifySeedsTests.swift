import Testing
@testable import rnnlab

/// `rnnlab verify --seeds`: a range or a list, and what it refuses.
@Suite struct VerifySeedsTests {
    @Test func readsRangesAndLists() {
        #expect(VerifyCommand.parseSeeds("1-5") == [1, 2, 3, 4, 5])
        #expect(VerifyCommand.parseSeeds("7-7") == [7])
        #expect(VerifyCommand.parseSeeds("1,2,7") == [1, 2, 7])
        #expect(VerifyCommand.parseSeeds(" 3, 0 ") == [3, 0])
        #expect(VerifyCommand.parseSeeds("0-2") == [0, 1, 2])
    }

    @Test func refusesWhatIsNotASetOfSeeds() {
        for bad in ["", "5-1", "1-", "-3", "1,,2", "1,1", "a", "1.5", "1-2-3", "1-5,7", "0-5000", "2000000"] {
            #expect(VerifyCommand.parseSeeds(bad) == nil, "\(bad)")
        }
    }
}
