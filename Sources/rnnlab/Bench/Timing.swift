/// The median wall time of `body` in milliseconds, after one warm-up run.
func medianMilliseconds(repetitions: Int = 7, _ body: () -> Void) -> Double {
    body()
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<max(repetitions, 1) {
        let d = clock.measure(body)
        times.append(Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15)
    }
    times.sort()
    return times[times.count / 2]
}
