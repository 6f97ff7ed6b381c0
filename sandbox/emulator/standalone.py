"""`kubetutor emulator`: the simulated cluster as a long-running process for the learner's
own kubectl, keeping its objects in a state file between runs."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from sandbox.emulator.server import Emulator


async def serve_forever(port: int, kubeconfig: Path, state_file: Path | None) -> None:
    """Serve HTTPS on 127.0.0.1:`port` (0 picks a free port) until SIGINT or SIGTERM.

    Writes a kubeconfig for the server, prints how to use it, and saves every object to
    `state_file` on shutdown (loading them from it on start, if it exists).
    """
    emulator = Emulator(state_file=state_file, port=port, tls=True)
    await emulator.start()
    emulator.write_kubeconfig(kubeconfig)
    print(f"Simulated Kubernetes cluster listening on {emulator.url}")
    print(f"Kubeconfig written to {kubeconfig} (context: kubetutor). Try:")
    print(f"  export KUBECONFIG={kubeconfig}; kubectl get nodes", flush=True)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        await stopping.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await emulator.stop()
        if state_file is not None:
            print(f"Cluster state saved to {state_file}", flush=True)
