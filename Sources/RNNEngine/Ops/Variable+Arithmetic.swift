/// Add, subtract, multiply and divide with broadcasting. Each backward sums the
/// incoming gradient over the dimensions that broadcasting stretched.
extension Variable {
    public static func + (a: Variable, b: Variable) -> Variable {
        Variable(a.value + b.value, parents: [a, b]) { g in
            if a.requiresGrad { a.accumulate(g.reduced(toShape: a.shape)) }
            if b.requiresGrad { b.accumulate(g.reduced(toShape: b.shape)) }
        }
    }

    public static func - (a: Variable, b: Variable) -> Variable {
        Variable(a.value - b.value, parents: [a, b]) { g in
            if a.requiresGrad { a.accumulate(g.reduced(toShape: a.shape)) }
            if b.requiresGrad { b.accumulate((-g).reduced(toShape: b.shape)) }
        }
    }

    public static func * (a: Variable, b: Variable) -> Variable {
        Variable(a.value * b.value, parents: [a, b]) { g in
            if a.requiresGrad { a.accumulate((g * b.value).reduced(toShape: a.shape)) }
            if b.requiresGrad { b.accumulate((g * a.value).reduced(toShape: b.shape)) }
        }
    }

    public static func / (a: Variable, b: Variable) -> Variable {
        let out = a.value / b.value
        return Variable(out, parents: [a, b]) { g in
            if a.requiresGrad { a.accumulate((g / b.value).reduced(toShape: a.shape)) }
            // ∂(a/b)/∂b = −a/b² = −out/b
            if b.requiresGrad { b.accumulate((-(g * out) / b.value).reduced(toShape: b.shape)) }
        }
    }

    public static prefix func - (a: Variable) -> Variable {
        Variable(-a.value, parents: [a]) { g in a.accumulate(-g) }
    }

    /// A constant of this variable's type, broadcast against it.
    func constant(_ c: Double) -> Variable { Variable(.scalar(c, dtype: dtype)) }

    public static func + (a: Variable, c: Double) -> Variable { a + a.constant(c) }
    public static func - (a: Variable, c: Double) -> Variable { a - a.constant(c) }
    public static func * (a: Variable, c: Double) -> Variable {
        Variable(a.value.scaled(by: c), parents: [a]) { g in a.accumulate(g.scaled(by: c)) }
    }
    public static func / (a: Variable, c: Double) -> Variable { a * (1 / c) }
    public static func + (c: Double, a: Variable) -> Variable { a + c }
    public static func - (c: Double, a: Variable) -> Variable { a.constant(c) - a }
    public static func * (c: Double, a: Variable) -> Variable { a * c }
}
