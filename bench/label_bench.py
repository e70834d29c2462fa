"""Label rendering speed (issue 7 goals: one label to ZPL < 2 ms, 500 labels < 1 s).

Renders a realistic bilingual 100 x 60 mm cryobag label (Chinese text as ^GFA bitmaps, native
Code 128 and Data Matrix) to ZPL, to PNG and to vector PDF, and, side by side in the same run,
asks the zint command-line encoder (Debian package `zint`, if installed) to encode the same two
symbols.

Usage: python bench/label_bench.py [--labels 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from printing.content import Barcode, Biohazard, Box, LabelContent, Symbology, Text  # noqa: E402
from printing.pdf import render_pdf  # noqa: E402
from printing.raster import render_image  # noqa: E402
from printing.zpl import render_zpl  # noqa: E402

DIN = "=A99902525010000"
MATRIX = "=A99902525010000=<S1389V00&>0260831520"


def sample_label(sequence: int) -> LabelContent:
    din = DIN[:-4] + f"{sequence % 100:02d}00"
    return LabelContent(
        100,
        60,
        (
            Box(1, 1, 98, 58),
            Text(3, 3, f"A9990 25 2501{sequence % 100:02d} K", 4, bold=True),
            Barcode(3, 9, Symbology.CODE128, din, height_mm=10, module_mm=0.25),
            Text(3, 21, "人脐带间充质干细胞注射液", 3.5),
            Text(3, 26, "Human umbilical cord MSC injection", 2.5),
            Text(3, 30, "批号 Batch B-UCMSC-250303-001", 2.5),
            Text(3, 34, "收获 Harvest 2025-03-24 15:20 (UTC+8)", 2.5),
            Text(3, 38, "效期 Expiry 2026-03-24 15:20 (UTC+8)", 2.5, bold=True),
            Text(3, 42, "1.0×10⁸ cells / 20 mL  ≤ -150 °C", 2.5),
            Text(3, 46, "供者 Donor DN-2025-0031", 2.5),
            Text(3, 50, "隔离 QUARANTINE", 3, bold=True),
            Barcode(72, 24, Symbology.DATAMATRIX, MATRIX, module_mm=0.5),
            Biohazard(80, 4, 12),
        ),
    )


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name:<44} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=500)
    args = parser.parse_args()
    labels = [sample_label(i) for i in range(args.labels)]
    from printing import zpl

    def cold(i: int) -> None:
        zpl._text_graphic.cache_clear()  # every line rasterised afresh: a station's first label
        render_zpl(labels[i])

    report("ZPL, one label, cold text cache", timed(cold, 50))
    render_zpl(labels[0])  # warm the font and bitmap caches, as a running station would be
    report(
        "ZPL, one label, warm (shared wording, new DIN)",
        timed(lambda i: render_zpl(labels[i]), 200),
    )
    start = time.perf_counter()
    for label in labels:
        render_zpl(label)
    batch = time.perf_counter() - start
    print(
        f"{'ZPL, ' + str(args.labels) + ' labels, distinct DINs':<44} total  {batch * 1000:7.0f} ms"
    )
    report("PNG raster, one label (300 dpi)", timed(lambda i: render_image(labels[i], 300), 50))
    pdf_side_by_side(labels)
    copies = replace(labels[0], copies=args.labels)
    report(f"ZPL, one format x {args.labels} copies (^PQ)", timed(lambda _: render_zpl(copies), 50))
    zint_side_by_side()


def pdf_side_by_side(labels: list[LabelContent]) -> None:
    """Vector PDF: the first document of a session converts the font; then one page each.

    Noto Sans CJK has no superscript digits, and the PDF refuses text it cannot draw, so the
    PDF run writes "10^8" where the ZPL/PNG runs draw "10⁸" (a missing glyph there).
    """
    labels = [
        replace(
            label,
            elements=tuple(
                replace(e, text=e.text.replace("⁸", "^8")) if isinstance(e, Text) else e
                for e in label.elements
            ),
        )
        for label in labels
    ]
    start = time.perf_counter()
    render_pdf(labels[:1])
    first = time.perf_counter() - start
    print(f"{'PDF, first document (font conversion)':<44} total  {first * 1000:7.0f} ms")
    start = time.perf_counter()
    render_pdf(labels)
    batch = time.perf_counter() - start
    name = f"PDF (vector), {len(labels)} labels, one document"
    print(f"{name:<44} total  {batch * 1000:7.0f} ms")


def zint_side_by_side() -> None:
    zint = shutil.which("zint")
    if zint is None:
        print("zint not installed (apt-get install zint): no side-by-side figure")
        return
    out = tempfile.mkdtemp()

    def encode_both(i: int) -> None:
        for barcode_type, data in (("20", DIN), ("71", MATRIX)):  # 20 = Code 128, 71 = Data Matrix
            subprocess.run(
                [zint, "-b", barcode_type, "-o", f"{out}/{i}-{barcode_type}.png", "-d", data],
                check=True,
                capture_output=True,
            )

    report("zint CLI: same Code 128 + Data Matrix as PNG", timed(encode_both, 50))


if __name__ == "__main__":
    main()
