"""Bot API requests over aiohttp, in place of PTB's default httpx transport.

Why: under load, PTB's httpx transport cost the bot more CPU than handling
the updates themselves (httpx's request and response models, and httpcore
checking every pooled connection for expiry on each request). aiohttp, which
the bot already depends on, does the same HTTP/1.1 keep-alive POSTs for a
fraction of that. The parameters are the ones PTB builds, sent as one JSON
body (the Bot API takes JSON; encoding a form field by field cost a tenth
of the bot's time), or multipart when a file is uploaded. The proxy
environment variables are honoured, as httpx did, but read once per host
rather than on every request (aiohttp's ``trust_env`` looks them up, and
``.netrc``, in a worker thread each time).
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_JSON_BODY = {"Content-Type": "application/json"}

# PTB's defaults for its own transport, in seconds.
_READ = 5.0
_WRITE = 5.0
_CONNECT = 5.0
_POOL = 1.0
_MEDIA_WRITE = 20.0


def _seconds(value: object, default: float | None) -> float | None:
    """PTB passes ``DEFAULT_NONE`` for "use the default", else seconds or None."""
    if value is BaseRequest.DEFAULT_NONE:
        return default
    return None if value is None else float(value)  # type: ignore[arg-type]


def env_proxy(url: str) -> str | None:
    """The proxy the environment names for ``url`` (``HTTPS_PROXY``, ``NO_PROXY``...), if any."""
    parts = urlsplit(url)
    if parts.hostname is None or urllib.request.proxy_bypass(parts.hostname):
        return None
    proxies = urllib.request.getproxies_environment()
    return proxies.get(parts.scheme) or proxies.get("all")


def _sum(*parts: float | None) -> float | None:
    """A bound made of several waits; none when any of them is unbounded."""
    return None if any(part is None for part in parts) else sum(p for p in parts if p)


class AiohttpRequest(BaseRequest):
    """A keep-alive connection pool to the Bot API; one per PTB request kind.

    Args:
        pool_size: Connections kept open at most; requests beyond wait for one.
        read_timeout: Seconds to wait for Telegram's answer, unless PTB says otherwise.
        write_timeout: Seconds to send a request (media uploads get longer).
        connect_timeout: Seconds to open a connection.
        pool_timeout: Seconds to wait for a free connection.
    """

    def __init__(
        self,
        pool_size: int = 16,
        *,
        read_timeout: float | None = _READ,
        write_timeout: float | None = _WRITE,
        connect_timeout: float | None = _CONNECT,
        pool_timeout: float | None = _POOL,
    ) -> None:
        self._pool_size = pool_size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        """Open the connection pool (it needs the running event loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        """Close every pooled connection."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(  # noqa: PLR0917 - PTB's signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """POST (or GET) one Bot API method; Telegram's status and body, undecoded."""
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if request_data is not None and files:
            body = aiohttp.FormData(request_data.json_parameters)
            for name, (filename, content, mimetype) in files.items():
                body.add_field(name, content, filename=filename, content_type=mimetype)
        elif request_data is not None:
            body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
            headers = _JSON_BODY
        pool = _seconds(pool_timeout, self._pool)
        connect = _seconds(connect_timeout, self._connect)
        read = _seconds(read_timeout, self._read)
        write = _seconds(write_timeout, _MEDIA_WRITE if files else self._write)
        # aiohttp has no write timeout of its own: the whole request is bounded instead.
        timeout = aiohttp.ClientTimeout(
            total=_sum(pool, connect, write, read),
            connect=_sum(pool, connect),
            sock_connect=connect,
            sock_read=read,
        )
        parts = urlsplit(url)
        origin = (parts.scheme, parts.netloc)
        if origin not in self._proxies:
            self._proxies[origin] = env_proxy(url)
        proxy = self._proxies[origin]
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout, proxy=proxy
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientConnectorError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error.os_error}") from error
        except aiohttp.ClientError as error:
            # Not the message: some quote the URL, and the URL holds the token.
            raise NetworkError(f"aiohttp.{type(error).__name__}") from error
