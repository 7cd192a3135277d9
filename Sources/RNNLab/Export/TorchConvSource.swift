import RNNEngine

/// The lab's Conv1D front end (``ConvFrontEnd``) as `train.py` rebuilds it:
/// Conv1d(I → F, K) → ReLU → MaxPool1d(P) → Conv1d(F → F, K) → ReLU, each
/// convolution with the lab's stride, dilation and zero padding on each side.
/// The lab's state-dict names are `front.conv1.weight` (F, I, K), `front.conv1.bias`
/// (F), `front.conv2.weight` (F, F, K), `front.conv2.bias` (F): PyTorch's layout.
struct TorchConvPlan: Equatable {
    /// I: the series' inputs per step.
    var inputSize: Int
    /// F: filters of each convolution.
    var filters: Int
    var kernel: Int
    var stride: Int
    var dilation: Int
    /// The lab's padding mode (valid, same or causal) and the zero steps it adds
    /// before step 0 and after the last step.
    var padding: Conv1dPadding
    var padLeft: Int
    var padRight: Int
    /// P: the max-pool's size and stride (1: no pool).
    var pool: Int

    init(_ front: ConvFrontEnd) {
        let g = front.first.geometry
        inputSize = front.first.inputChannels
        filters = front.first.outputChannels
        kernel = g.kernelSize
        stride = g.stride
        dilation = g.dilation
        padding = g.padding
        padLeft = g.padLeft
        padRight = g.padRight
        pool = front.pool
    }

    /// The constants and the `ConvFrontEnd` module of `train.py`.
    var text: String {
        """
        # The Conv1D front end (lab: conv_filters \(filters), conv_kernel \(kernel), pool \(pool)).
        # Padding "\(padding.rawValue)" is written as explicit zeros: valid adds none; same adds
        # d·(K−1)//2 before and the rest after (PyTorch's padding="same" for stride 1);
        # causal adds all d·(K−1) before, which nn.Conv1d has no mode for.
        CONV_INPUTS = \(inputSize)          # I
        CONV_FILTERS = \(filters)         # F
        CONV_KERNEL = \(kernel)          # K
        CONV_STRIDE = \(stride)
        CONV_DILATION = \(dilation)        # d
        CONV_PADDING = (\(padLeft), \(padRight))     # zero steps before, after
        POOL = \(pool)                 # max-pool size and stride; a partial last window is dropped

        class ConvFrontEnd(nn.Module):
            \"\"\"(B, T, I) → (B, T', F): two convolutions with ReLU and a max-pool between them.\"\"\"

            def __init__(self, inputs):
                super().__init__()
                self.conv1 = nn.Conv1d(inputs, CONV_FILTERS, CONV_KERNEL, stride=CONV_STRIDE, dilation=CONV_DILATION)
                self.conv2 = nn.Conv1d(CONV_FILTERS, CONV_FILTERS, CONV_KERNEL, stride=CONV_STRIDE, dilation=CONV_DILATION)

            def forward(self, x):
                h = x.transpose(1, 2)                                   # (B, I, T): channels first, as nn.Conv1d reads
                h = F.relu(self.conv1(F.pad(h, CONV_PADDING)))
                if POOL > 1:
                    h = F.max_pool1d(h, POOL)
                h = F.relu(self.conv2(F.pad(h, CONV_PADDING)))
                return h.transpose(1, 2)                                # (B, T', F)


        """
    }
}
