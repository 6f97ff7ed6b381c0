"""A self-signed serving certificate for the emulator.

kubectl sends bearer tokens only over HTTPS, so a server that kubectl talks to needs TLS.
The certificate is made once per process with the `openssl` command-line tool and kept in a
private temporary directory.
"""

from __future__ import annotations

import atexit
import shutil
import ssl
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class TlsUnavailable(RuntimeError):
    """No `openssl` binary to make a certificate with."""


@dataclass(frozen=True)
class ServingCert:
    """Paths to a certificate (its own CA) and its key."""

    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        """An SSL context serving this certificate."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@cache
def serving_cert() -> ServingCert:
    """The process's certificate for 127.0.0.1 and localhost, made on first use."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise TlsUnavailable("the emulator needs the openssl command to serve HTTPS")
    folder = Path(tempfile.mkdtemp(prefix="kubetutor-tls-"))
    atexit.register(shutil.rmtree, folder, True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "3650",
         "-subj", "/CN=kubetutor", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )
    return ServingCert(cert, key)
