#!/usr/bin/env python3
"""Plots store time against board size from what `cargo bench --bench store`
left in target/criterion (median of each estimate) into docs/bench_scaling.png.

    python3 scripts/plot_bench.py      (needs matplotlib: pip install matplotlib)
"""
import json
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion" / "store"
# RON size of each generated board, in MB (small is 5 / 500 / 1,000).
SIZES = {"small": 1.30, "1x": 26.1, "2x": 52.1, "4x": 104.4}
SERIES = [
    ("open", "open (read, parse, validate, hash)"),
    ("bare_ron_from_str", "bare ron::from_str"),
    ("save", "save (lock, re-read, backup, fsync, rename)"),
    ("bare_serialise_write", "bare serialise + fs::write"),
    ("save_merging", "save after a colleague's save (merge)"),
    ("merge", "three-way merge alone"),
]


def median_ms(name, size):
    path = CRITERION / name / size / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"] / 1e6


fig, ax = plt.subplots(figsize=(8, 5), dpi=120)
for name, label in SERIES:
    points = [(SIZES[s], median_ms(name, s)) for s in SIZES]
    points = [(x, y) for x, y in points if y is not None]
    if points:
        ax.plot([x for x, _ in points], [y for _, y in points], marker="o", label=label)
ax.set_xlabel("board file size (MB of RON)")
ax.set_ylabel("time (ms, median)")
ax.set_title("Boardroom store: time grows in a straight line with board size")
ax.grid(True, alpha=0.3)
ax.legend(fontsize=8)
fig.tight_layout()
out = ROOT / "docs" / "bench_scaling.png"
fig.savefig(out)
print(f"wrote {out}")
