"""PyTorch peer for `npm run bench`: median ms per training step (forward, backward, Adam),
float64, one thread, on an adding-problem batch. Usage: torch_peer.py CELL H T B RUNS; prints ms."""
import statistics
import sys
import time

import torch

cell, H, T, B, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
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

rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](2, H)
readout = torch.nn.Linear(H, 1)
params = list(rnn.parameters()) + list(readout.parameters())
opt = torch.optim.Adam(params, lr=1e-2)


def step():
    opt.zero_grad()
    out, _ = rnn(x)
    loss = torch.nn.functional.mse_loss(readout(out[-1]), y)
    loss.backward()
    opt.step()
    return loss.item()


step()
t0 = time.perf_counter()
step()
est = max(time.perf_counter() - t0, 1e-6)
steps = max(1, round(0.25 / est))
times = []
for _ in range(runs):
    t1 = time.perf_counter()
    for _ in range(steps):
        step()
    times.append((time.perf_counter() - t1) / steps * 1000)
print(statistics.median(times))
