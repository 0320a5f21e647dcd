"""Exact dose quantities: integer micrograms, parsed from and shown as mg strings.

Binary floats never touch a dose: 0.75 mg is exactly 750 µg.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAX_MG = 1_000_000
"""Any number above this many mg is a typing error, whatever the drug (TaperDesk sanity limit)."""


class DoseError(ValueError):
    """A dose that cannot be read or is out of range; the message says why."""


def parse_mg(text: str | int | Decimal, *, what: str = "dose") -> int:
    """Read a dose in mg ("0.75", Decimal("0.75")) and return integer µg.

    Refuses floats, negatives, NaN/infinity and anything finer than 1 µg.
    """
    if isinstance(text, bool) or isinstance(text, float):
        raise DoseError(f"{what} must be given as text or a decimal, not {type(text).__name__}")
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise DoseError(f"{what} {text!r} is not a number of mg") from None
    if not value.is_finite():
        raise DoseError(f"{what} {text!r} is not a number of mg")
    if value < 0:
        raise DoseError(f"{what} cannot be negative ({text} mg)")
    if value > MAX_MG:
        raise DoseError(f"{what} {text} mg is far too large to be a dose")
    ug = value * 1000
    if ug != ug.to_integral_value():
        raise DoseError(f"{what} {text} mg is finer than 1 microgram")
    return int(ug)


def mg_decimal(ug: int) -> Decimal:
    """µg as an exact Decimal number of mg, normalised (750 -> Decimal('0.75'))."""
    value = (Decimal(ug) / 1000).normalize()
    # normalize() turns 1000 µg into '1E+0'; quantize back to a plain exponent.
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value


def format_mg(ug: int) -> str:
    """µg as a plain mg string: 750 -> '0.75', 3000 -> '3', 125 -> '0.125'."""
    return f"{mg_decimal(ug):f}"


def format_mg_unit(ug: int) -> str:
    return f"{format_mg(ug)} mg"


def format_count(count: Decimal) -> str:
    """A tablet count with the half shown as ½ (1.5 -> '1½', 0.5 -> '½', 0.25 -> '¼')."""
    whole = int(count)
    frac = count - whole
    glyph = {Decimal("0"): "", Decimal("0.5"): "½", Decimal("0.25"): "¼", Decimal("0.75"): "¾"}
    part = glyph.get(frac.normalize() if frac else Decimal("0"), None)
    if part is None:
        return f"{count.normalize():f}"
    if whole == 0 and part:
        return part
    return f"{whole}{part}"


def percent_of(part: int, whole: int) -> Decimal:
    """part as a percentage of whole, exact to 0.1 %."""
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
