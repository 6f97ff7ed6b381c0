"""Start-up speed: `kubetutor chat` to its first prompt, and `kubetutor lessons check`.

Run: .venv/bin/python bench/startup_bench.py [--runs N]
Each run is a fresh process on a fresh, already-migrated database, as a
returning learner starts the chat. Prints the median and the slowest run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def kubetutor(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", *args]


def time_to_first_prompt(db: Path) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        kubetutor("chat", "--db", str(db), "--learner", "bench"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None and process.stdin is not None
    process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.stdin.close()
    process.wait(timeout=30)
    return elapsed


def time_lessons_check() -> float:
    started = time.perf_counter()
    subprocess.run(kubetutor("lessons", "check"), check=True, capture_output=True)
    return time.perf_counter() - started


def report(name: str, samples: list[float]) -> None:
    print(
        f"{name:<34} median {statistics.median(samples) * 1000:7.0f} ms"
        f"   slowest {max(samples) * 1000:7.0f} ms   ({len(samples)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        time_to_first_prompt(db)  # creates and migrates the database once
        report("kubetutor chat -> first prompt", [time_to_first_prompt(db) for _ in range(runs)])
    report("kubetutor lessons check", [time_lessons_check() for _ in range(runs)])


if __name__ == "__main__":
    main()
