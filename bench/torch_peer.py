"""PyTorch peer for `npm run bench`: median ms per training step (forward, backward, Adam),
float64, one thread, on an adding-problem batch. Usage: torch_peer.py CELL H T B RUNS [N]; prints
ms. With RUNS = serve it prints `ready` once set up, then times one run per `run` line on stdin and
prints its ms per step, so the bench can alternate its runs with ours. CELL rnn, lstm, gru: torch.nn's modules; lru, rglru, s6, attention: the straightforward modules
of tools/family_modules.py (the fixtures' references; N is s6's state size, default 16)."""
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))

cell, H, T, B = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
serve = sys.argv[5] == "serve"
runs = 0 if serve else int(sys.argv[5])
torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

x = torch.zeros(T, B, 2)
x[:, :, 0] = torch.rand(T, B)
half = T // 2
i1 = torch.randint(0, max(half, 1), (B,))
i2 = torch.randint(half, T, (B,))
x[i1, torch.arange(B), 1] = 1.0
x[i2, torch.arange(B), 1] = 1.0
y = (x[i1, torch.arange(B), 0] + x[i2, torch.arange(B), 0]).unsqueeze(1)

if cell in ("lru", "rglru", "s6", "attention"):
    from family_modules import make

    N = int(sys.argv[6]) if len(sys.argv) > 6 else 16
    fam = make(cell, 2, H, 1, N)
    params = list(fam.parameters())

    def last_output():
        return fam.run(x)["y"][-1]
else:
    rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](2, H)
    readout = torch.nn.Linear(H, 1)
    params = list(rnn.parameters()) + list(readout.parameters())

    def last_output():
        out, _ = rnn(x)
        return readout(out[-1])
opt = torch.optim.Adam(params, lr=1e-2)


def step():
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(last_output(), y)
    loss.backward()
    opt.step()
    return loss.item()


step()
t0 = time.perf_counter()
step()
est = max(time.perf_counter() - t0, 1e-6)
steps = max(1, round(0.25 / est))


def timed_run():
    t1 = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - t1) / steps * 1000


if serve:
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "run":
            print(timed_run(), flush=True)
else:
    print(statistics.median([timed_run() for _ in range(runs)]))
