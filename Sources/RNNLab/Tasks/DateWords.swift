/// Writes dates in English words, for the toy translation task.
enum DateWords {
    static let months = ["january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"]
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                       "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                       "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let ordinalOnes = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                              "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                              "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
    static let ordinalTens = ["", "", "twentieth", "thirtieth"]

    /// 0…99 in words: "seven", "forty-two".
    static func cardinal(_ n: Int) -> String {
        if n < 20 { return ones[n] }
        return n % 10 == 0 ? tens[n / 10] : tens[n / 10] + "-" + ones[n % 10]
    }

    /// 1…31 as an ordinal: "first", "twenty-third", "thirtieth".
    static func ordinal(_ n: Int) -> String {
        if n < 20 { return ordinalOnes[n] }
        return n % 10 == 0 ? ordinalTens[n / 10] : tens[n / 10] + "-" + ordinalOnes[n % 10]
    }

    /// 1900…2099 as people say them: "nineteen oh five", "nineteen ninety-four",
    /// "two thousand", "two thousand eight", "twenty twelve".
    static func year(_ y: Int) -> String {
        let century = y / 100, rest = y % 100
        if century == 19 {
            if rest == 0 { return "nineteen hundred" }
            return "nineteen " + (rest < 10 ? "oh " + ones[rest] : cardinal(rest))
        }
        if rest == 0 { return "two thousand" }
        return rest < 10 ? "two thousand " + ones[rest] : "twenty " + cardinal(rest)
    }

    /// The date in one of three word orders (format 0, 1 or 2).
    static func words(year y: Int, month m: Int, day d: Int, format: Int) -> String {
        switch format {
        case 0: return "\(ordinal(d)) of \(months[m - 1]) \(year(y))"
        case 1: return "\(months[m - 1]) \(ordinal(d)), \(year(y))"
        default: return "\(cardinal(d)) \(months[m - 1]) \(year(y))"
        }
    }

    /// "1994-03-07".
    static func iso(year y: Int, month m: Int, day d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The output steps of `iso` that write the month's two digits ("1994-03-07": 5 and 6).
    static let monthOutputSteps = 5...6

    /// The character positions of the month's name in a date written by `words`, or
    /// nil when no month name stands there as a whole word.
    static func monthSpan(in text: String) -> Range<Int>? {
        let chars = Array(text.unicodeScalars)
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < chars.count && ("a"..."z").contains(chars[i]) }
        for name in months {
            let word = Array(name.unicodeScalars)
            guard word.count <= chars.count else { continue }
            for start in 0...(chars.count - word.count) where Array(chars[start..<(start + word.count)]) == word {
                if !isLetter(start - 1) && !isLetter(start + word.count) { return start..<(start + word.count) }
            }
        }
        return nil
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
