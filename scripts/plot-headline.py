#!/usr/bin/python3
"""Draws the headline figure from the CSV of //:softmax_headline_bench.

Usage: /usr/bin/python3 scripts/plot-headline.py results/softmax-headline.csv [OUT.png]

As in the Two-Pass Softmax paper (Dukhan & Ablavatski 2020): throughput in
elements/ns against row length (log x), one line per algorithm/library, one
panel per thread count. attnorm's AVX512F variants are solid lines, its AVX2
variants dashed, auto dotted; the peers are grey/black with markers; the
bandwidth bound (time(read) + time(copy)) is the shaded ceiling; row lengths
where some cell found, in every round, a CPU it needed busy with another
process (CSV column cpu_contended) are shaded red. Writes the PNG
next to the CSV (same name, .png) unless OUT.png is given.
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

ALGORITHM_COLORS = {
    "two_pass": "tab:red",
    "three_pass_reload": "tab:blue",
    "three_pass_recompute": "tab:green",
    "auto": "tab:purple",
}
PEER_STYLES = {
    "xnnpack": dict(color="0.45", marker="s", linestyle="-", label="XNNPACK (Debian, SSE2)"),
    "onednn": dict(color="black", marker="^", linestyle="-", label="oneDNN"),
}


def human(n):
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return "%dM" % (n >> 20)
    if n >= 1024 and n % 1024 == 0:
        return "%dK" % (n >> 10)
    return str(n)


def style_of(impl):
    """Matplotlib style for one implementation, or None to leave it out."""
    if impl in PEER_STYLES:
        return dict(PEER_STYLES[impl], linewidth=1.5, markersize=5)
    if impl.startswith("bw/") or impl == "bound":
        return None  # the bandwidth kernels are drawn as the bound (shaded ceiling) only
    algorithm, _, isa = impl.partition("/")
    color = ALGORITHM_COLORS.get(algorithm, "tab:orange")
    if algorithm == "auto":
        return dict(color=color, linestyle=":", marker="D", linewidth=2.0, markersize=4, label="attnorm auto")
    dashed = isa == "avx2"
    return dict(
        color=color,
        linestyle="--" if dashed else "-",
        marker="o" if not dashed else "x",
        linewidth=1.8,
        markersize=4,
        label="attnorm %s (%s)" % (algorithm.replace("_", "-"), "AVX2" if dashed else "AVX512F"),
    )


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    csv_path = argv[1]
    out_path = argv[2] if len(argv) > 2 else os.path.splitext(csv_path)[0] + ".png"

    # data[threads][impl] = [(n, elements_per_ns)]
    data = {}
    labels = {}
    contended = {}  # threads -> {row length: cells whose every round found a CPU busy}
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            if not row["elements_per_ns"] or row.get("status", "ok") not in ("ok", ""):
                continue
            threads = int(row["threads"])
            if row.get("cpu_contended") == "yes" and row["impl"] != "bound":
                per_n = contended.setdefault(threads, {})
                per_n[int(row["n"])] = per_n.get(int(row["n"]), 0) + 1
            data.setdefault(threads, {}).setdefault(row["impl"], []).append(
                (int(row["n"]), float(row["elements_per_ns"]))
            )
            labels[row["impl"]] = row.get("label", "")
    if not data:
        print("no data in %s" % csv_path)
        return 1

    thread_counts = sorted(data)
    all_n = sorted({n for per in data.values() for pts in per.values() for n, _ in pts})
    ymax = max(v for per in data.values() for pts in per.values() for _, v in pts)

    fig, axes = plt.subplots(
        1, len(thread_counts), figsize=(7.0 * len(thread_counts), 5.6), sharey=True, squeeze=False
    )
    order = sorted(
        {impl for per in data.values() for impl in per},
        key=lambda i: (
            i in PEER_STYLES,
            i == "auto",
            list(ALGORITHM_COLORS).index(i.split("/")[0]) if i.split("/")[0] in ALGORITHM_COLORS else 9,
            i.endswith("avx2"),
            i,
        ),
    )
    for ax, threads in zip(axes[0], thread_counts):
        per = data[threads]
        if "bound" in per:
            pts = sorted(per["bound"])
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            ax.fill_between(xs, ys, [ymax * 10] * len(xs), color="0.92", zorder=0,
                            label="above the bound: out of reach of a 2R+1W softmax")
            ax.plot(xs, ys, color="0.55", linestyle="-.", linewidth=1.2,
                    label="bandwidth bound: read + copy (2R+1W ceiling)", zorder=1)
        for impl in order:
            style = style_of(impl)
            if style is None or impl not in per:
                continue
            pts = sorted(per[impl])
            ax.plot([p[0] for p in pts], [p[1] for p in pts], zorder=3, **style)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.xaxis.set_major_locator(FixedLocator(all_n))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xticklabels([human(n) for n in all_n])
        ax.set_xlim(all_n[0] / 1.4, all_n[-1] * 1.4)
        ax.set_xlabel("row length (floats; up to 4K: 1M/n rows per call)")
        ax.set_title("%d thread%s" % (threads, "" if threads == 1 else "s"))
        ax.grid(True, which="major", alpha=0.35)
        ax.grid(True, which="minor", axis="y", alpha=0.12)
        # In cache (4 MiB problems) | out of cache (rotating 64 MiB / 512 MiB rows).
        if any(n >= 16 << 20 for n in all_n):
            ax.axvline(4 << 20, color="0.6", linewidth=0.8, linestyle=":")
    axes[0][0].set_ylabel("throughput, elements / ns (log)")
    for ax, threads in zip(axes[0], thread_counts):
        for n, count in sorted(contended.get(threads, {}).items()):
            ax.axvspan(n / 1.25, n * 1.25, color="tab:red", alpha=0.12, zorder=0)
            last = n == all_n[-1]
            ax.text(n * 1.2 if last else n, 0.97, "%d cells\nCPU-\ncontended" % count,
                    transform=ax.get_xaxis_transform(), ha="right" if last else "center", va="top",
                    fontsize=7, color="tab:red")
    lo = min(v for per in data.values() for impl, pts in per.items() if style_of(impl) for _, v in pts)
    axes[0][0].set_ylim(lo / 1.5, ymax * 1.3)
    for ax in axes[0]:
        ax.text(0.02, 0.02, "in cache (4 MiB problems)", transform=ax.transAxes, fontsize=8, color="0.4")
        ax.text(0.98, 0.02, "DRAM (separate in/out, rotating)", transform=ax.transAxes, fontsize=8,
                color="0.4", ha="right")
    handles, names = axes[0][-1].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=4, fontsize=8, frameon=False)
    fig.suptitle("f32 softmax throughput: attnorm vs XNNPACK vs oneDNN (%s)" % os.path.basename(csv_path))
    fig.tight_layout(rect=(0, 0.12, 1, 0.96))
    fig.savefig(out_path, dpi=120)
    print("wrote %s" % out_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
