"""Resource quantities ("500m", "128Mi", "1G") parsed to exact numbers and printed back.

Quota usage and LimitRange defaults add and compare quantities, and kubectl shows them, so
they are kept as Decimals and rendered the way resource.Quantity.String() canonicalises:
binary suffixes stay binary when exact, otherwise the largest exact decimal suffix.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_BINARY = {
    s: Decimal(2) ** (10 * (i + 1)) for i, s in enumerate(("Ki", "Mi", "Gi", "Ti", "Pi", "Ei"))
}
_DECIMAL = {"n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"), "": Decimal(1),
            "k": Decimal(10**3), "M": Decimal(10**6), "G": Decimal(10**9), "T": Decimal(10**12),
            "P": Decimal(10**15), "E": Decimal(10**18)}


def parse(text: str | int | float) -> Decimal:
    """The value of a quantity; raises ValueError for text that is not one."""
    raw = str(text).strip()
    for suffix, factor in _BINARY.items():
        if raw.endswith(suffix):
            return _number(raw[: -len(suffix)]) * factor
    for suffix in ("n", "u", "m", "k", "M", "G", "T", "P", "E"):
        if raw.endswith(suffix):
            return _number(raw[: -len(suffix)]) * _DECIMAL[suffix]
    return _number(raw)


def _number(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise ValueError(f"quantities must match the regular expression: {text!r}") from error


def is_binary(text: str) -> bool:
    """Whether a quantity was written with a binary (Ki, Mi, ...) suffix."""
    return any(str(text).endswith(s) for s in _BINARY)


def render(value: Decimal, *, binary: bool = False) -> str:
    """The canonical text of `value`; `binary` asks for Ki/Mi/Gi when they are exact."""
    if value == 0:
        return "0"
    if binary and value == value.to_integral_value() and value >= 1024:
        for suffix, factor in reversed(list(_BINARY.items())):
            if value % factor == 0:
                return f"{int(value // factor)}{suffix}"
    if value == value.to_integral_value():
        for suffix in ("E", "P", "T", "G", "M", "k"):
            factor = _DECIMAL[suffix]
            if value % factor == 0:
                return f"{int(value // factor)}{suffix}"
        return str(int(value))
    for suffix in ("m", "u", "n"):
        scaled = value / _DECIMAL[suffix]
        if scaled == scaled.to_integral_value():
            return f"{int(scaled)}{suffix}"
    return f"{int((value / _DECIMAL['n']).to_integral_value())}n"


def canonical(text: str | int | float) -> str:
    """Re-render a quantity as the server stores it ("1000m" -> "1", "1024Mi" -> "1Gi")."""
    return render(parse(text), binary=is_binary(str(text)))
