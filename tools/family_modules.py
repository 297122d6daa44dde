"""Straightforward PyTorch (float64) modules for the newer families, with the equations stated in
each cell's src/engine/cells/<id>/index.ts (from the papers named there). Used by
tools/family_fixtures.py for the reference values and by bench/torch_peer.py for the PyTorch
column of `npm run bench`.

Each module's `run(u, K=0, h0=None, inject=False)` takes inputs [T][B][I] and returns a dict:
  y       [T][B][O] readout outputs
  states  list of T tensors [B][F'] (the traced state; lru [Re x; Im x], s6 s flattened over (d, n))
  leaves  zero tensors added to the traced state (inject=True): their .grad is dL/d(state)
  dstate  function giving [T][B][F'] from the leaves' grads after backward
  gates   {name: [T][B][H]} per-step diagonal decays; attention: 'attention' [B][T][T] too
The scans walk the time axis with unbind(0) rather than x[t]: indexing's backward writes a
full-size zero tensor per step, which makes PyTorch's step O(T²) in time and memory traffic
(S6 at H = 128, T = 200, B = 16 took over a minute per step that way). Truncation K: the state after step t (t = 1..T-1) feeds step t+1 detached when (T - t) % K == 0
(the engine's isCut convention); not applied to attention.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)


def cut_after(T, K, t):
    return 0 < K < T and (T - t) % K == 0


class LRU(nn.Module):
    def __init__(self, I, H, O):
        super().__init__()
        self.nu_log = nn.Parameter(torch.zeros(H))
        self.theta_log = nn.Parameter(torch.zeros(H))
        self.gamma_log = nn.Parameter(torch.zeros(H))
        self.B_re = nn.Parameter(torch.zeros(H, I))
        self.B_im = nn.Parameter(torch.zeros(H, I))
        self.readout = nn.Linear(2 * H, O)

    def lam(self):
        return torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))

    def run(self, u, K=0, h0=None, inject=False):
        T, B, _ = u.shape
        H = self.nu_log.shape[0]
        lam = self.lam()
        gamma = torch.exp(self.gamma_log)
        bu = gamma * torch.complex(u @ self.B_re.T, u @ self.B_im.T)
        x = torch.zeros(B, H, dtype=torch.complex128)
        leaves = [torch.zeros(B, H, dtype=torch.complex128, requires_grad=True) for _ in range(T)] if inject else []
        states, ys = [], []
        for t, bt in enumerate(bu.unbind(0)):
            x = lam * x + bt
            if inject:
                x = x + leaves[t]
            y = torch.cat([x.real, x.imag], dim=1)
            states.append(y)
            ys.append(self.readout(y))
            if t + 1 < T and cut_after(T, K, t + 1):
                x = x.detach()

        def dstate():
            # PyTorch's complex .grad is dL/dRe + i dL/dIm (not the Wirtinger derivative, its half)
            return torch.stack([torch.cat([g.grad.real, g.grad.imag], dim=1) for g in leaves])
        return {'y': torch.stack(ys), 'states': states, 'leaves': leaves, 'dstate': dstate,
                'gates': {'lambda_abs': torch.abs(lam).detach().expand(T, B, H)}}


class RGLRU(nn.Module):
    C = 8.0

    def __init__(self, I, H, O):
        super().__init__()
        self.input = nn.Linear(I, H)
        self.gate_a = nn.Linear(H, H)
        self.gate_x = nn.Linear(H, H)
        self.a_param = nn.Parameter(torch.zeros(H))
        self.readout = nn.Linear(H, O)

    def run(self, u, K=0, h0=None, inject=False):
        T, B, _ = u.shape
        H = self.a_param.shape[0]
        xt = self.input(u)
        r = torch.sigmoid(self.gate_a(xt))
        i = torch.sigmoid(self.gate_x(xt))
        log_a = -self.C * r * F.softplus(self.a_param)
        a = torch.exp(log_a)
        mult = torch.sqrt(-torch.expm1(2 * log_a))  # sqrt(1 - a^2) without cancellation near a = 1
        nx = mult * (i * xt)
        h = h0 if h0 is not None else torch.zeros(B, H)
        if cut_after(T, K, 0):
            h = h.detach()
        leaves = [torch.zeros(B, H, requires_grad=True) for _ in range(T)] if inject else []
        states, ys = [], []
        for t, (at, nt) in enumerate(zip(a.unbind(0), nx.unbind(0))):
            h = at * h + nt
            if inject:
                h = h + leaves[t]
            states.append(h)
            ys.append(self.readout(h))
            if t + 1 < T and cut_after(T, K, t + 1):
                h = h.detach()
        return {'y': torch.stack(ys), 'states': states, 'leaves': leaves,
                'dstate': lambda: torch.stack([g.grad for g in leaves]),
                'gates': {'a': a.detach(), 'r': r.detach(), 'i': i.detach()}}


class S6(nn.Module):
    def __init__(self, I, H, O, N):
        super().__init__()
        self.input = nn.Linear(I, H)
        self.dt = nn.Linear(H, H)
        self.B = nn.Linear(H, N, bias=False)
        self.C = nn.Linear(H, N, bias=False)
        self.A_log = nn.Parameter(torch.zeros(H, N))
        self.D = nn.Parameter(torch.zeros(H))
        self.readout = nn.Linear(H, O)

    def run(self, u, K=0, h0=None, inject=False):
        T, B, _ = u.shape
        H, N = self.A_log.shape
        xt = self.input(u)
        delta = F.softplus(self.dt(xt))
        Bt, Ct = self.B(xt), self.C(xt)
        A = -torch.exp(self.A_log)
        dA = torch.exp(delta.unsqueeze(-1) * A)  # [T,B,H,N]: selective_scan_ref's deltaA
        dBx = delta.unsqueeze(-1) * Bt.unsqueeze(2) * xt.unsqueeze(-1)  # Euler input term Δ·B·x
        s = torch.zeros(B, H, N)
        leaves = [torch.zeros(B, H, N, requires_grad=True) for _ in range(T)] if inject else []
        states = []
        for t, (at, bt) in enumerate(zip(dA.unbind(0), dBx.unbind(0))):
            s = at * s + bt
            if inject:
                s = s + leaves[t]
            states.append(s)
            if t + 1 < T and cut_after(T, K, t + 1):
                s = s.detach()
        S = torch.stack(states)
        y = torch.einsum('tbhn,tbn->tbh', S, Ct) + self.D * xt
        return {'y': self.readout(y), 'states': [x.reshape(B, H * N) for x in states], 'leaves': leaves,
                'dstate': lambda: torch.stack([g.grad.reshape(B, H * N) for g in leaves]),
                'gates': {'delta': delta.detach()}}


def positions(T, H):
    """p_t[i] = sin(t'/10000^(i/H)) for even i, cos(t'/10000^((i-1)/H)) for odd i, t' = 0..T-1."""
    i = torch.arange(H)
    even = (i - i % 2).to(torch.float64)
    div = torch.exp(even / H * math.log(10000.0))
    arg = torch.arange(T, dtype=torch.float64).unsqueeze(1) / div
    return torch.where(i % 2 == 0, torch.sin(arg), torch.cos(arg))


class Attention(nn.Module):
    def __init__(self, I, H, O):
        super().__init__()
        self.input = nn.Linear(I, H)
        self.attn = nn.MultiheadAttention(H, 1)
        self.readout = nn.Linear(H, O)

    def run(self, u, K=0, h0=None, inject=False):
        T, B, _ = u.shape
        H = self.input.out_features
        e = self.input(u) + positions(T, H).unsqueeze(1)
        leaf = torch.zeros(T, B, H, requires_grad=True) if inject else None
        if inject:
            e = e + leaf
        mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
        z, w = self.attn(e, e, e, attn_mask=mask, need_weights=True)
        y = e + z
        return {'y': self.readout(y), 'states': list(e), 'leaves': [leaf] if inject else [],
                'dstate': lambda: leaf.grad, 'gates': {}, 'attention': w.detach()}

    def manual(self, u):
        """The contract's formula written out, to check nn.MultiheadAttention against."""
        T, B, _ = u.shape
        H = self.input.out_features
        e = self.input(u) + positions(T, H).unsqueeze(1)
        q, k, v = (e @ self.attn.in_proj_weight.T + self.attn.in_proj_bias).chunk(3, dim=-1)
        s = torch.einsum('tbh,sbh->bts', q, k) / math.sqrt(H)
        s = s.masked_fill(torch.triu(torch.ones(T, T, dtype=torch.bool), 1), float('-inf'))
        a = torch.softmax(s, dim=-1)
        z = torch.einsum('bts,sbh->tbh', a, v)
        return e + z @ self.attn.out_proj.weight.T + self.attn.out_proj.bias, a


def make(cell, I, H, O, N=16):
    if cell == 'lru':
        return LRU(I, H, O)
    if cell == 'rglru':
        return RGLRU(I, H, O)
    if cell == 's6':
        return S6(I, H, O, N)
    return Attention(I, H, O)
