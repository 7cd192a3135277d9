import Testing
import RNNEngine

/// Pins, bit for bit, a recurrent layer's outputs (taped and untaped) and every
/// gradient for inputs wider than `NarrowWeightGradient.maxInput` (I > 8): since
/// speed16 their input projection runs step by step through a packed W_ihᵀ
/// (`GemmPackedB`) instead of one (B·T, I)·W_ihᵀ product before the steps, which must
/// not change a bit. The digests were recorded from main at 84d3faa (the one-product
/// path), on one and on two threads (the same digests), except ∂W_ih and ∂b_ih of the
/// LSTM and the simple RNNs at T·B > 1: recorded again when those sums moved to step
/// order, joined with ∂W_hh's (`SequencePass+JointWeightGradient.swift`; ∂b_ih is now
/// bitwise ∂b_hh), every other digest unchanged by that. `RecurrentKernelPinTests`
/// (I ≤ 8) does not reach this path. Every cell kind; B 1 (below MR), T 1, odd H, I over
/// two K blocks of 256, B 20 × H 64 (the two-part row split on two threads), float64.
@Suite struct WideInputPinTests {
    @Test(arguments: WideInputPins.shapes)
    func resultsArePinnedBitForBit(shape: WideInputPins.Shape) throws {
        let pinned = try #require(Self.pinned[shape.description], "no pin for \(shape)")
        let now = WideInputPins.digests(shape)
        #expect(Set(now.keys) == Set(pinned.keys))
        for (name, digest) in now { #expect(digest == pinned[name], "\(shape): \(name)") }
    }

    /// Recorded from 84d3faa's engine, the input side of three cells again since (see above).
    static let pinned: [String: [String: String]] = [
        "rnn_tanh float32 B1 T1 I9 H16": [
            "bias_hh_l0.grad": "16:a9aa10357ab054f9",
            "bias_ih_l0.grad": "16:a9aa10357ab054f9",
            "output": "16:af8a586bf2ebe5de",
            "untaped": "16:af8a586bf2ebe5de",
            "weight_hh_l0.grad": "256:28c31cf8df2ec325",
            "weight_ih_l0.grad": "144:9912d726b8a2d268",
            "x.grad": "9:d43e0e216b4dbe2e",
        ],
        "rnn_tanh float32 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "23:224e5a8bdf6ff63b",
            "bias_ih_l0.grad": "23:224e5a8bdf6ff63b",
            "output": "621:82858545112e2de8",
            "untaped": "621:82858545112e2de8",
            "weight_hh_l0.grad": "529:e1b9feac15c6deec",
            "weight_ih_l0.grad": "299:7facf89d23ef4e09",
            "x.grad": "351:9102e1cb5a183e7",
        ],
        "rnn_tanh float32 B20 T4 I40 H64": [
            "bias_hh_l0.grad": "64:82b51f324948d61b",
            "bias_ih_l0.grad": "64:82b51f324948d61b",
            "output": "5120:47cc881e9a4fed92",
            "untaped": "5120:47cc881e9a4fed92",
            "weight_hh_l0.grad": "4096:f54ffb490b05294b",
            "weight_ih_l0.grad": "2560:d32b9ca6eabea6e1",
            "x.grad": "3200:3e27a5a05ae2475f",
        ],
        "rnn_tanh float32 B3 T2 I300 H5": [
            "bias_hh_l0.grad": "5:4b644b4859818bbc",
            "bias_ih_l0.grad": "5:4b644b4859818bbc",
            "output": "30:3f40855af39125c8",
            "untaped": "30:3f40855af39125c8",
            "weight_hh_l0.grad": "25:b4a2f8e327fba734",
            "weight_ih_l0.grad": "1500:e67023f5a82b211c",
            "x.grad": "1800:52b1726f857923af",
        ],
        "rnn_tanh float64 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "23:a57b870b6ed725a1",
            "bias_ih_l0.grad": "23:a57b870b6ed725a1",
            "output": "621:119850f9d7407188",
            "untaped": "621:119850f9d7407188",
            "weight_hh_l0.grad": "529:8a936fb4a79b58a8",
            "weight_ih_l0.grad": "299:c03fae36eb91aba5",
            "x.grad": "351:f0dda6d0579a9692",
        ],
        "rnn_relu float32 B1 T1 I9 H16": [
            "bias_hh_l0.grad": "16:446b58df993dc3d7",
            "bias_ih_l0.grad": "16:446b58df993dc3d7",
            "output": "16:d09e60e67f6a99a5",
            "untaped": "16:d09e60e67f6a99a5",
            "weight_hh_l0.grad": "256:28c31cf8df2ec325",
            "weight_ih_l0.grad": "144:172d8508fbe4106b",
            "x.grad": "9:9eb541462954aba2",
        ],
        "rnn_relu float32 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "23:9f0b5324801e969e",
            "bias_ih_l0.grad": "23:9f0b5324801e969e",
            "output": "621:146bc59770aeb523",
            "untaped": "621:146bc59770aeb523",
            "weight_hh_l0.grad": "529:4afa8835809e1732",
            "weight_ih_l0.grad": "299:492a9141ee67d899",
            "x.grad": "351:aa46b4a2c20ffad4",
        ],
        "rnn_relu float32 B20 T4 I40 H64": [
            "bias_hh_l0.grad": "64:3736fcc95f5c3213",
            "bias_ih_l0.grad": "64:3736fcc95f5c3213",
            "output": "5120:e2c73168a6731591",
            "untaped": "5120:e2c73168a6731591",
            "weight_hh_l0.grad": "4096:2d61faa39259a2ab",
            "weight_ih_l0.grad": "2560:fd1c2d002f32501c",
            "x.grad": "3200:4b815b2ed87f0179",
        ],
        "rnn_relu float32 B3 T2 I300 H5": [
            "bias_hh_l0.grad": "5:6369f69533f61d35",
            "bias_ih_l0.grad": "5:6369f69533f61d35",
            "output": "30:9d5840b15eaf21f5",
            "untaped": "30:9d5840b15eaf21f5",
            "weight_hh_l0.grad": "25:285b3c51b66db7b2",
            "weight_ih_l0.grad": "1500:5a0d3cb2f30b5c9a",
            "x.grad": "1800:656ad1e5b7815727",
        ],
        "rnn_relu float64 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "23:e476677fccbf1cc3",
            "bias_ih_l0.grad": "23:e476677fccbf1cc3",
            "output": "621:e31cfb462d5960d9",
            "untaped": "621:e31cfb462d5960d9",
            "weight_hh_l0.grad": "529:f2d1585e6b47e4ae",
            "weight_ih_l0.grad": "299:2f688a3b82ff7cd8",
            "x.grad": "351:64102d035b1ae314",
        ],
        "lstm float32 B1 T1 I9 H16": [
            "bias_hh_l0.grad": "64:d41277bf35cc0a6e",
            "bias_ih_l0.grad": "64:d41277bf35cc0a6e",
            "output": "16:c9b241eb107a3a33",
            "untaped": "16:c9b241eb107a3a33",
            "weight_hh_l0.grad": "1024:b9d103fd6854a325",
            "weight_ih_l0.grad": "576:5abc2688c9402bc0",
            "x.grad": "9:4196051501c1ab4c",
        ],
        "lstm float32 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "92:a7df381ffc00f9a8",
            "bias_ih_l0.grad": "92:a7df381ffc00f9a8",
            "output": "621:c822f8e8fa262938",
            "untaped": "621:c822f8e8fa262938",
            "weight_hh_l0.grad": "2116:ed8ec2a310aa72d7",
            "weight_ih_l0.grad": "1196:de4365c5369e5d03",
            "x.grad": "351:19c3e8a19340ee1b",
        ],
        "lstm float32 B20 T4 I40 H64": [
            "bias_hh_l0.grad": "256:f1ca593fc88d6c49",
            "bias_ih_l0.grad": "256:f1ca593fc88d6c49",
            "output": "5120:57454efd54993ac0",
            "untaped": "5120:57454efd54993ac0",
            "weight_hh_l0.grad": "16384:a0a61056a91040b1",
            "weight_ih_l0.grad": "10240:b3c557257940c573",
            "x.grad": "3200:9a6ad58265286937",
        ],
        "lstm float32 B3 T2 I300 H5": [
            "bias_hh_l0.grad": "20:97b3602ca704444d",
            "bias_ih_l0.grad": "20:97b3602ca704444d",
            "output": "30:e0fdacdaca441516",
            "untaped": "30:e0fdacdaca441516",
            "weight_hh_l0.grad": "100:3657670d4757f66b",
            "weight_ih_l0.grad": "6000:111eb82156e0fa80",
            "x.grad": "1800:4ac7f0fc5730a25d",
        ],
        "lstm float64 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "92:e80b7ddfc210045d",
            "bias_ih_l0.grad": "92:e80b7ddfc210045d",
            "output": "621:12840d3907e9df17",
            "untaped": "621:12840d3907e9df17",
            "weight_hh_l0.grad": "2116:3cd6217618398b4a",
            "weight_ih_l0.grad": "1196:b1f8ca844ebf0dee",
            "x.grad": "351:a577b9ea2b96f645",
        ],
        "gru float32 B1 T1 I9 H16": [
            "bias_hh_l0.grad": "48:afd787ae97291f2a",
            "bias_ih_l0.grad": "48:6670d47d63902010",
            "output": "16:375a539f491ffef9",
            "untaped": "16:375a539f491ffef9",
            "weight_hh_l0.grad": "768:6df0de0551480325",
            "weight_ih_l0.grad": "432:acdfdfb7ce143d07",
            "x.grad": "9:56b93bd49a8c41eb",
        ],
        "gru float32 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "69:890c6a158569d89e",
            "bias_ih_l0.grad": "69:cadfbf64831750cf",
            "output": "621:4dc85a30ca4caec3",
            "untaped": "621:4dc85a30ca4caec3",
            "weight_hh_l0.grad": "1587:21cbcbddc3f76a88",
            "weight_ih_l0.grad": "897:e2e291ac89b55619",
            "x.grad": "351:d5dec5b2319b224a",
        ],
        "gru float32 B20 T4 I40 H64": [
            "bias_hh_l0.grad": "192:71e9038d40b34d40",
            "bias_ih_l0.grad": "192:771f298d3cea164",
            "output": "5120:60901aeec9637225",
            "untaped": "5120:60901aeec9637225",
            "weight_hh_l0.grad": "12288:a1c52a3fbfeee4cf",
            "weight_ih_l0.grad": "7680:b1a7b535bb5fe40b",
            "x.grad": "3200:d822994c4b63b997",
        ],
        "gru float32 B3 T2 I300 H5": [
            "bias_hh_l0.grad": "15:3283d09dd970376e",
            "bias_ih_l0.grad": "15:a2d44c7382800bf4",
            "output": "30:79ad47ce608ffd7a",
            "untaped": "30:79ad47ce608ffd7a",
            "weight_hh_l0.grad": "75:b7005bfc6594cfa9",
            "weight_ih_l0.grad": "4500:fd8f95571c19cac6",
            "x.grad": "1800:9191d98d59375009",
        ],
        "gru float64 B9 T3 I13 H23": [
            "bias_hh_l0.grad": "69:31f9fa36bbd33398",
            "bias_ih_l0.grad": "69:701a87805dccd1e5",
            "output": "621:e0940768f930d982",
            "untaped": "621:e0940768f930d982",
            "weight_hh_l0.grad": "1587:797854c427a29e86",
            "weight_ih_l0.grad": "897:936a6605e8165f91",
            "x.grad": "351:8da1760eeb7f3054",
        ],
    ]
}

/// Digests of a recurrent layer's outputs and gradients for inputs wider than
/// `NarrowWeightGradient.maxInput` (I > 8), whose input projection runs through
/// `GemmPackedB` step by step.
enum WideInputPins {
    struct Shape: Sendable, CustomStringConvertible {
        var kind: CellKind, dtype: DType, B: Int, T: Int, I: Int, H: Int
        var description: String { "\(kind.rawValue) \(dtype) B\(B) T\(T) I\(I) H\(H)" }
    }

    /// B 1 (below MR), T 1, odd H (vector tails), I over two K blocks (300 > 256), and
    /// B 20 with H 64, large enough for the two-part row split when two threads are allowed.
    static let shapes: [Shape] = CellKind.allCases.flatMap { k in
        [Shape(kind: k, dtype: .float32, B: 1, T: 1, I: 9, H: 16),
         Shape(kind: k, dtype: .float32, B: 9, T: 3, I: 13, H: 23),
         Shape(kind: k, dtype: .float32, B: 20, T: 4, I: 40, H: 64),
         Shape(kind: k, dtype: .float32, B: 3, T: 2, I: 300, H: 5),
         Shape(kind: k, dtype: .float64, B: 9, T: 3, I: 13, H: 23)]
    }

    static func digests(_ s: Shape) -> [String: String] {
        var rng = SplitMix64(seed: 16)
        let layer = RecurrentLayer(s.kind, inputSize: s.I, hiddenSize: s.H, rng: &rng, dtype: s.dtype)
        var r = SplitMix64(seed: 17)
        let x = Variable(.normal([s.B, s.T, s.I], std: 0.7, rng: &r, dtype: s.dtype), requiresGrad: true)
        let out = layer(x)
        var w = SplitMix64(seed: 18)
        let weights = Variable(.normal(out.output.shape, rng: &w, dtype: s.dtype))
        (out.output * weights).sum().backward()
        let untaped = withNoGrad { layer(x).output.value.doubles }
        var results: [(String, [Double])] = [("output", out.output.value.doubles), ("untaped", untaped),
                                              ("x.grad", x.grad!.doubles)]
        for (name, p) in layer.namedParameters { results.append((name + ".grad", p.grad!.doubles)) }
        return Dictionary(uniqueKeysWithValues: results.map { ($0.0, RecurrentKernelPinTests.digest($0.1)) })
    }
}
