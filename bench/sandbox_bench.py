"""The sandbox executor against the real kubectl binary, on the same simulated cluster.

Both sides run each command as the same learner (kubectl through `--as`), against one
emulator over HTTPS, in one run. Reports p50 and p99 per command and side, and how many
times faster the executor is than spawning kubectl.

    .venv/bin/python bench/sandbox_bench.py [--rounds 30] [--kubectl /usr/bin/kubectl]
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sandbox.cluster import Cluster, ClusterConfig
from sandbox.commandline import parse
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.executor import execute
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.verbs.context import Context

COMMANDS = (
    "kubectl get pods",
    "kubectl get deploy -o wide",
    "kubectl describe deployment web",
    "kubectl get pods -o yaml",
    "kubectl create deployment bench --image=nginx",
    "kubectl delete deployment bench",
)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def ours(ctx: Context, text: str) -> float:
    start = time.perf_counter()
    out = await execute(parse(text), ctx)
    elapsed = time.perf_counter() - start
    assert out.ok, out.text
    return elapsed


async def theirs(kubectl: str, kubeconfig: Path, namespace: str, text: str) -> float:
    words = shlex.split(text)[1:]
    start = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        kubectl, f"--kubeconfig={kubeconfig}", f"--as=system:serviceaccount:{namespace}:learner",
        "-n", namespace, *words, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    _, err = await process.communicate()
    elapsed = time.perf_counter() - start
    assert process.returncode == 0, err.decode()
    return elapsed


async def main(rounds: int, kubectl: str) -> int:
    async with Emulator(delays=Delays.instant(), tls=True) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            kubeconfig = Path(folder) / "kubeconfig"
            emulator.write_kubeconfig(kubeconfig)
            cluster = Cluster.from_config(ClusterConfig("kubeconfig", None, kubeconfig))
            namespace = namespace_for("bench")
            await Provisioner(cluster).ensure(namespace)
            ctx = Context(cluster.learner(namespace), namespace, cluster)
            await ours(ctx, "kubectl create deployment web --image=nginx --replicas=3")
            timings: dict[str, tuple[list[float], list[float]]] = {c: ([], []) for c in COMMANDS}
            for _ in range(rounds):
                for text in COMMANDS:
                    timings[text][0].append(await ours(ctx, text))
                for text in COMMANDS:
                    timings[text][1].append(await theirs(kubectl, kubeconfig, namespace, text))
            cluster.close()
    print(f"{rounds} rounds per command, same emulator, same learner identity\n")
    print(f"{'command':<48}{'ours p50':>10}{'p99':>9}{'kubectl p50':>13}{'p99':>9}"
          f"{'ratio':>8}")
    ratios: list[float] = []
    for text, (mine, binary) in timings.items():
        ratio = statistics.median(binary) / statistics.median(mine)
        ratios.append(ratio)
        print(f"{text:<48}{percentile(mine, .5) * 1000:>8.1f}ms"
              f"{percentile(mine, .99) * 1000:>7.1f}ms"
              f"{percentile(binary, .5) * 1000:>11.1f}ms{percentile(binary, .99) * 1000:>7.1f}ms"
              f"{ratio:>7.1f}x")
    print(f"\nslowest ratio {min(ratios):.1f}x, median ratio {statistics.median(ratios):.1f}x "
          "(target: at least 5x)")
    return 0 if min(ratios) >= 5 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--kubectl", default="/usr/bin/kubectl")
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.rounds, arguments.kubectl)))
