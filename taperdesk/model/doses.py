"""How a dose is made of real products (SPEC.md, "Drugs and products").

Fewest units; whole tablets first; only scored tablets are halved (quarters only
where the clinic allows); dispersible tablets and capsules are never split;
liquid to 0.1 mL. A dose that cannot be made is rounded to the nearest one that
can (ties to the higher dose, the gentler choice in a taper) and flagged.
"""

from __future__ import annotations

import bisect
import math
from decimal import Decimal
from functools import cached_property, lru_cache

from taperdesk.model.catalogue import Product
from taperdesk.model.record import record


@record
class Unit:
    """Some of one product within a dose: a tablet count (0.5 = half) or a volume."""

    product: Product
    count: Decimal = Decimal(0)
    """Tablets or capsules; 0.5 is half a tablet."""
    ml: Decimal = Decimal(0)
    """Millilitres of a solution, to 0.1 mL."""

    @property
    def ug(self) -> int:
        if self.product.is_liquid:
            return int(self.ml * self.product.ug_per_ml)
        return int(self.count * self.product.strength_ug)


@record
class MadeDose:
    """A dose as asked for and as the products make it."""

    requested_ug: int
    ug: int
    units: tuple[Unit, ...]

    @property
    def exact(self) -> bool:
        return self.requested_ug == self.ug


@record
class _Piece:
    product_index: int
    ug: int
    quarters: int  # 4 = whole tablet, 2 = half, 1 = quarter


class Formulary:
    """A chosen set of products and the doses it can make.

    Built once per product set; making a dose is a table look-up after the first
    call. All arithmetic is in integer µg.
    """

    def __init__(self, products: tuple[Product, ...], *, allow_quarters: bool = False) -> None:
        if not products:
            raise ValueError("a formulary needs at least one product")
        self.products = products
        self.allow_quarters = allow_quarters
        self.solids = tuple(p for p in products if not p.is_liquid)
        self.liquids = tuple(p for p in products if p.is_liquid)
        pieces: list[_Piece] = []
        for i, p in enumerate(self.solids):
            pieces.append(_Piece(i, p.strength_ug, 4))
            if p.splittable and p.strength_ug % 2 == 0:
                pieces.append(_Piece(i, p.strength_ug // 2, 2))
                if allow_quarters and p.strength_ug % 4 == 0:
                    pieces.append(_Piece(i, p.strength_ug // 4, 1))
        self._pieces = tuple(pieces)
        self._solid_step = math.gcd(*(pc.ug for pc in pieces)) if pieces else 0
        # A solution is measured to 0.1 mL: its finest step is a tenth of a mL.
        self._liquid_steps = tuple(p.ug_per_ml // 10 for p in self.liquids)
        self._limit = 0
        self._best: list[tuple[int, int] | None] = []
        self._choice: list[int] = []
        self._makeable: list[int] = []

    # -- what can be made -------------------------------------------------

    def _grow(self, limit_ug: int) -> None:
        """Extend the solid-dose table (unbounded knapsack, fewest pieces then fewest splits)."""
        if not self._pieces or limit_ug <= self._limit:
            return
        step = self._solid_step
        n = limit_ug // step + 1
        best: list[tuple[int, int] | None] = [None] * n
        choice = [-1] * n
        best[0] = (0, 0)
        for amount in range(1, n):
            for k, pc in enumerate(self._pieces):
                size = pc.ug // step
                if size > amount:
                    continue
                prev = best[amount - size]
                if prev is None:
                    continue
                cost = (prev[0] + 1, prev[1] + (pc.quarters != 4))
                if best[amount] is None or cost < best[amount]:  # type: ignore[operator]
                    best[amount] = cost
                    choice[amount] = k
        self._best, self._choice, self._limit = best, choice, (n - 1) * step
        made = {a * step for a in range(1, n) if best[a] is not None}
        for lstep in self._liquid_steps:
            made.update(range(lstep, self._limit + 1, lstep))
        self._makeable = sorted(made)

    def _ensure(self, ug: int) -> None:
        if ug > self._limit:
            self._grow(max(ug * 2, 4000))
            if not self._pieces:
                self._limit = max(ug * 2, 4000)
                made: set[int] = set()
                for lstep in self._liquid_steps:
                    made.update(range(lstep, self._limit + 1, lstep))
                self._makeable = sorted(made)

    def makeable(self, up_to_ug: int) -> list[int]:
        """Every dose above 0 up to ``up_to_ug`` that the products make exactly."""
        self._ensure(up_to_ug)
        return self._makeable[: bisect.bisect_right(self._makeable, up_to_ug)]

    def is_makeable(self, ug: int) -> bool:
        if ug == 0:
            return True
        self._ensure(ug)
        i = bisect.bisect_left(self._makeable, ug)
        return i < len(self._makeable) and self._makeable[i] == ug

    @cached_property
    def smallest_ug(self) -> int:
        """The smallest dose above zero these products can make."""
        return self.makeable(max([p.strength_ug for p in self.products] + [4000]))[0]

    @cached_property
    def smallest_change_ug(self) -> int:
        """The smallest difference between two doses these products make (0 counts).

        A fixed cut smaller than this cannot be carried out (taperdesk.model.limits).
        """
        made = [0, *self.makeable(max([p.strength_ug for p in self.products] + [2000]) * 2)]
        return min(b - a for a, b in zip(made, made[1:], strict=False))

    def nearest(self, ug: int) -> int:
        """The makeable dose nearest to ``ug`` (ties to the higher); 0 stays 0.

        A dose above 0 never rounds to nothing: below the smallest makeable dose it
        rounds up to that dose (stopping is the plan's decision, not rounding's).
        """
        if ug <= 0:
            return 0
        if self.is_makeable(ug):
            return ug
        self._ensure(ug + self.smallest_ug)
        i = bisect.bisect_left(self._makeable, ug)
        above = self._makeable[i]
        if i == 0:
            return above
        below = self._makeable[i - 1]
        return above if above - ug <= ug - below else below

    def nearest_below(self, target: Decimal, ceiling_ug: int) -> int | None:
        """The makeable dose nearest ``target`` that is strictly below ``ceiling_ug``.

        Ties go to the higher dose. None when no makeable dose is below the ceiling.
        """
        self._ensure(ceiling_ug)
        made = self._makeable
        end = bisect.bisect_left(made, ceiling_ug)
        if end == 0:
            return None
        i = min(bisect.bisect_left(made, target, 0, end), end)
        candidates = made[max(0, i - 1) : min(i + 1, end)]
        return min(candidates, key=lambda c: (abs(Decimal(c) - target), -c))

    # -- making a dose ----------------------------------------------------

    def make(self, ug: int) -> MadeDose:
        """The units that make ``ug``, or the nearest makeable dose, flagged by ``exact``."""
        return _make_cached(self, ug)

    def _make_exact(self, ug: int) -> tuple[Unit, ...]:
        if ug == 0:
            return ()
        if self._pieces and ug % self._solid_step == 0:
            self._ensure(ug)
            amount = ug // self._solid_step
            if self._best[amount] is not None:
                quarters = [0] * len(self.solids)
                while amount:
                    pc = self._pieces[self._choice[amount]]
                    quarters[pc.product_index] += pc.quarters
                    amount -= pc.ug // self._solid_step
                return tuple(
                    Unit(self.solids[i], count=Decimal(q) / 4)
                    for i, q in sorted(
                        enumerate(quarters), key=lambda iq: -self.solids[iq[0]].strength_ug
                    )
                    if q
                )
        # Liquid: fewest 0.1 mL measures, i.e. the strongest solution that is exact.
        for p in sorted(self.liquids, key=lambda p: -p.ug_per_ml):
            tenths = Decimal(ug * 10) / p.ug_per_ml
            if tenths == tenths.to_integral_value():
                return (Unit(p, ml=(tenths / 10).quantize(Decimal("0.1"))),)
        raise ValueError(f"{ug} µg is not makeable")  # pragma: no cover - guarded by callers


@lru_cache(maxsize=4096)
def _make_cached(formulary: Formulary, ug: int) -> MadeDose:
    made = formulary.nearest(ug)
    return MadeDose(requested_ug=ug, ug=made, units=formulary._make_exact(made))


@lru_cache(maxsize=64)
def formulary_for(products: tuple[Product, ...], allow_quarters: bool = False) -> Formulary:
    """One shared Formulary per product set, so its tables are built once."""
    return Formulary(products, allow_quarters=allow_quarters)
