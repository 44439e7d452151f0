"""Memory per upload: what one session holds after uploading a big patient file, and the
peak while it is read, checked and counted.

Run from the repository root: ``python -m bench.bench_memory [--rows 450000]``. Prints a
Markdown table; nothing is asserted (memory is measured here, never in tests). Each figure
is read from ``/proc/self/status`` (Linux): resident memory now (VmRSS) and at its peak
(VmHWM, reset before the upload), in a fresh process, so the figures are the upload's own.

What a session keeps is what the upload page keeps: the uploaded bytes (Streamlit holds
them while the file stays in the uploader), the parsed table (to let the person change
which column is which), and the resolved pairs with their CSV download.
"""

from __future__ import annotations

import argparse
import gc
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from data.export import safe_csv_bytes
from data.load import load_tables
from upload import automatic_ids, match_all, read_table, tidy_report, vocabulary
from upload.limits import release_memory
from upload.names import load_synonyms
from upload.resolve import resolve, shown_table

STATUS = Path("/proc/self/status")
MAPPING = {"patient": "PATIENT_ID", "primary": "CANCER_TYPE", "site": "METASTATIC_SITE"}


def status_mb(field: str) -> float:
    """A ``/proc/self/status`` memory field (``VmRSS``, ``VmHWM``) in MB."""
    for line in STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def reset_peak() -> None:
    """Start VmHWM again from the current resident size (Linux ``clear_refs`` 5)."""
    Path("/proc/self/clear_refs").write_text("5")


def made_elsewhere(rows: int) -> bytes:
    """The invented patient file, made in another process so that making it leaves no freed
    memory here for the upload to reuse unseen."""
    with tempfile.NamedTemporaryFile(suffix=".csv") as file:
        subprocess.run([sys.executable, "-c", "import sys; from bench.bench_upload import "
                        f"export_file; open(sys.argv[1], 'wb').write(export_file({rows}))",
                        file.name], check=True)
        return Path(file.name).read_bytes()


def upload(raw: bytes) -> dict:
    """The upload page's steps on ``raw``; returns what the session keeps."""
    t = load_tables()
    frame = read_table(raw, "export.csv")
    done = tidy_report(frame, "patients", MAPPING)
    pairs, patients = done.pairs, done.patients
    synonyms = load_synonyms()  # matched as the upload page does (ui/own_upload.py)
    cancers = automatic_ids(match_all(pairs["primary"].unique(),
                                      vocabulary(t["cancers"], "cancer_id"), synonyms["cancers"]))
    sites = automatic_ids(match_all(pairs["site"].unique(),
                                    vocabulary(t["sites"], "site_id", aliases="aliases"),
                                    synonyms["sites"]))
    resolved = resolve(pairs, cancers, sites,
                       dict(zip(t["cancers"]["cancer_id"], t["cancers"]["label"], strict=True)),
                       dict(zip(t["sites"]["site_id"], t["sites"]["label"], strict=True)),
                       patients)
    return {"frame": frame, "resolved": resolved, "patients": patients,
            "csv": safe_csv_bytes(shown_table(resolved))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=450_000)  # under the 25 MB limit
    args = parser.parse_args()
    load_tables()
    raw = made_elsewhere(args.rows)
    gc.collect()
    before = status_mb("VmRSS")
    reset_peak()
    kept = upload(raw)
    release_memory()  # as the upload page does once a file is read
    held = status_mb("VmRSS") - before
    peak = status_mb("VmHWM") - before
    frame_mb = kept["frame"].memory_usage(deep=True).sum() / 2**20
    print(f"Measured {date.today()} on {platform.node()} ({platform.machine()}, Python "
          f"{platform.python_version()}): {args.rows:,} sample rows, "
          f"{len(raw) / 2**20:.0f} MB file\n")
    print("| what | MB |\n|---|---:|")
    print(f"| the uploaded bytes (held by Streamlit's uploader) | {len(raw) / 2**20:.0f} |")
    print(f"| parsed table kept for the session | {frame_mb:.0f} |")
    print(f"| resident memory added and kept after the upload (beside the bytes) | {held:.0f} |")
    print(f"| peak resident memory added while reading and counting | {peak:.0f} |")


if __name__ == "__main__":
    main()
