"""Running the real kubectl against an emulator, for the kubectl compatibility tests."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from sandbox.emulator.server import Emulator

KUBECTL = "/usr/bin/kubectl"
SAFE = "[bcdfghjklmnpqrstvwxz2456789]"
needs_kubectl = [
    pytest.mark.skipif(not Path(KUBECTL).exists(),
                       reason="kubectl is not installed at /usr/bin/kubectl"),
    pytest.mark.skipif(shutil.which("openssl") is None,
                       reason="openssl is needed to serve kubectl over HTTPS"),
]


async def kubectl(emulator: Emulator, home: Path, *args: str,
                  stdin: str | None = None) -> tuple[int, str]:
    """Run kubectl with a kubeconfig for the emulator; returns (exit code, stdout+stderr)."""
    config = home / "kubeconfig"
    if not config.exists():
        emulator.write_kubeconfig(config)
    process = await asyncio.create_subprocess_exec(
        KUBECTL, *args, env={**os.environ, "KUBECONFIG": str(config), "HOME": str(home)},
        stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await process.communicate(stdin.encode() if stdin is not None else None)
    return process.returncode or 0, out.decode()


async def ok(emulator: Emulator, home: Path, *args: str, stdin: str | None = None) -> str:
    """kubectl's output, failing the test when it exits non-zero."""
    code, out = await kubectl(emulator, home, *args, stdin=stdin)
    assert code == 0, out
    return out


def rows(out: str) -> list[list[str]]:
    """A kubectl table split into its cells (columns are separated by 3+ spaces or more)."""
    return [line.split() for line in out.splitlines()]
