#!/usr/bin/env python3
"""Writes PyTorch reference numbers for the engine's optimisers and losses.

    python3 Tests/scripts/make_engine_fixture.py --seed 0 --out Tests/RNNEngineTests/Fixtures/engine

The output (engine.json) is committed, so `swift test` needs no PyTorch. Any seed
must keep the tests green: they read the inputs from the file too.
"""
import argparse, json, os
import torch

def optimiser_cases(g):
    configs = [
        ("sgd", dict(lr=0.1)),
        ("sgd", dict(lr=0.1, momentum=0.9)),
        ("sgd", dict(lr=0.1, momentum=0.9, dampening=0.3, weight_decay=0.01)),
        ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.05)),
        ("rmsprop", dict(lr=0.01)),
        ("rmsprop", dict(lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.1)),
        ("adam", dict(lr=0.01)),
        ("adam", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
        ("adamw", dict(lr=0.01, weight_decay=0.1)),
        ("adagrad", dict(lr=0.1)),
        ("adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.1)),
    ]
    make = {"sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
            "adamw": torch.optim.AdamW, "adagrad": torch.optim.Adagrad}
    cases = []
    for name, kw in configs:
        p0 = torch.randn(6, generator=g, dtype=torch.float64)
        grads = [torch.randn(6, generator=g, dtype=torch.float64) for _ in range(4)]
        p = p0.clone().requires_grad_(True)
        opt = make[name]([p], **kw)
        after = []
        for gr in grads:
            opt.zero_grad()
            p.grad = gr.clone()
            opt.step()
            after.append(p.detach().tolist())
        kw = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()}
        cases.append(dict(optimizer=name, options=kw, initial=p0.tolist(),
                          gradients=[x.tolist() for x in grads], after=after))
    return cases

def loss_cases(g):
    out = {}
    logits = (3 * torch.randn(7, 5, generator=g, dtype=torch.float64)).requires_grad_(True)
    targets = torch.randint(0, 5, (7,), generator=g)
    mask = torch.tensor([True, False, True, True, False, True, True])
    loss = torch.nn.functional.cross_entropy(logits[mask], targets[mask])
    loss.backward()
    out["cross_entropy"] = dict(logits=logits.detach().tolist(), targets=targets.tolist(),
                                mask=mask.tolist(), loss=loss.item(), grad=logits.grad.tolist())
    x = (4 * torch.randn(3, 4, generator=g, dtype=torch.float64)).requires_grad_(True)
    y = torch.rand(3, 4, generator=g, dtype=torch.float64)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(x, y)
    loss.backward()
    out["bce_with_logits"] = dict(logits=x.detach().tolist(), targets=y.tolist(),
                                  loss=loss.item(), grad=x.grad.tolist())
    x = torch.randn(3, 4, generator=g, dtype=torch.float64).requires_grad_(True)
    y = torch.randn(3, 4, generator=g, dtype=torch.float64)
    loss = torch.nn.functional.mse_loss(x, y)
    loss.backward()
    out["mse"] = dict(prediction=x.detach().tolist(), targets=y.tolist(),
                      loss=loss.item(), grad=x.grad.tolist())
    x = torch.randn(2, 3, 4, generator=g, dtype=torch.float64)
    lin = torch.nn.Linear(4, 5).double()
    with torch.no_grad():
        lin.weight.copy_(torch.randn(5, 4, generator=g, dtype=torch.float64))
        lin.bias.copy_(torch.randn(5, generator=g, dtype=torch.float64))
    out["linear"] = dict(input=x.tolist(), weight=lin.weight.tolist(), bias=lin.bias.tolist(),
                         output=lin(x).tolist())
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="Tests/RNNEngineTests/Fixtures/engine")
    a = ap.parse_args()
    g = torch.Generator().manual_seed(a.seed)
    data = dict(seed=a.seed, torch=torch.__version__, optimizers=optimiser_cases(g), losses=loss_cases(g))
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "engine.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)
    print("wrote", path)

if __name__ == "__main__":
    main()
