/// mean((prediction − target)²) over every element, as PyTorch's `MSELoss()`.
public func meanSquaredError(_ prediction: Variable, _ target: Tensor) -> Variable {
    precondition(prediction.shape == target.shape,
                 "mean squared error of \(prediction.shape) against \(target.shape)")
    let diff = prediction - Variable(target.converted(to: prediction.dtype))
    return (diff * diff).mean()
}
