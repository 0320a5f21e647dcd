"""Symptom scales as data, scoring, red flags and the hold suggestion.

SPEC.md, "Symptoms and holds".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from datetime import date
from typing import Any

from taperdesk.model import sources
from taperdesk.model.record import record
from taperdesk.resources import names, read_json

HOLD_SOURCE = sources.HOLD
RED_FLAG_SOURCE_DEFAULT = sources.RED_FLAGS
DEFAULT_HOLD_DAYS = 14
"""Suggested hold length: the upper end of the 1–2 weeks of the Nardi protocol's clinical
summaries (TaperDesk default, editable)."""


class ScaleError(ValueError):
    """A scale file or an assessment that is not valid; the message names the field."""


@record
class Item:
    id: str
    label: str
    min: int
    max: int
    rated_by: str = "patient"


@record
class Band:
    min: int
    max: int
    label: str


@record
class Scale:
    id: str
    name: str
    full_name: str
    source: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    bands_source: str
    hold_band: str
    rise_points: int
    rise_source: str
    anchors: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def max_total(self) -> int:
        return sum(i.max for i in self.items)

    def band(self, total: int) -> Band:
        for b in self.bands:
            if b.min <= total <= b.max:
                return b
        raise ScaleError(f"total {total} is outside every band of {self.name}")

    def band_rank(self, label: str) -> int:
        for i, b in enumerate(self.bands):
            if b.label == label:
                return i
        raise ScaleError(f"{self.name} has no band {label!r}")


@record
class RedFlag:
    id: str
    label: str


@record
class Assessment:
    on: date
    scale_id: str
    scores: tuple[tuple[str, int], ...]
    """(item id, score) for every item of the scale, in the scale's order."""
    red_flags: frozenset[str] = frozenset()
    note: str = ""

    def score_of(self, item_id: str) -> int:
        return dict(self.scores)[item_id]

    @property
    def total(self) -> int:
        return sum(v for _k, v in self.scores)


@record
class Scored:
    total: int
    band: Band
    red_flags: tuple[RedFlag, ...]

    @property
    def urgent(self) -> bool:
        return bool(self.red_flags)


@record
class HoldSuggestion:
    on: date
    days: int
    reason: str
    source: str = HOLD_SOURCE


def parse_scale(data: Any, origin: str = "scale") -> Scale:
    if not isinstance(data, dict) or data.get("format") != "taperdesk-scale":
        raise ScaleError(f"{origin}: not a TaperDesk scale file")
    try:
        items = tuple(
            Item(str(i["id"]), str(i["label"]), int(i["min"]), int(i["max"]),
                 str(i.get("rated_by", "patient")))
            for i in data["items"]
        )
        bands = tuple(Band(int(b["min"]), int(b["max"]), str(b["label"])) for b in data["bands"])
        scale = Scale(
            id=str(data["id"]),
            name=str(data["name"]),
            full_name=str(data.get("full_name", data["name"])),
            source=str(data["source"]),
            items=items,
            bands=bands,
            bands_source=str(data.get("bands_source", "")),
            hold_band=str(data["hold_band"]),
            rise_points=int(data["rise_over_baseline_points"]),
            rise_source=str(data.get("rise_source", "")),
            anchors={str(k): str(v) for k, v in (data.get("anchors") or {}).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ScaleError(f"{origin}: missing or bad field ({exc})") from None
    if len({i.id for i in items}) != len(items):
        raise ScaleError(f"{origin}: item ids repeat")
    for i in items:
        if i.min < 0 or i.max <= i.min:
            raise ScaleError(f"{origin}: item {i.id} has a bad range {i.min}–{i.max}")
    lo = sum(i.min for i in items)
    covered = sorted((b.min, b.max) for b in bands)
    expect = lo
    for bmin, bmax in covered:
        if bmin != expect or bmax < bmin:
            raise ScaleError(f"{origin}: bands must cover {lo}–{scale.max_total} without gaps")
        expect = bmax + 1
    if expect != scale.max_total + 1:
        raise ScaleError(f"{origin}: bands must cover {lo}–{scale.max_total} without gaps")
    scale.band_rank(scale.hold_band)
    if scale.rise_points < 1:
        raise ScaleError(f"{origin}: rise_over_baseline_points must be 1 or more")
    return scale


_SCALES: dict[str, Scale] | None = None
_FLAGS: tuple[RedFlag, ...] | None = None


def shipped_scales() -> dict[str, Scale]:
    global _SCALES
    if _SCALES is None:
        loaded = [parse_scale(read_json(n), n) for n in names("scales")]
        _SCALES = {s.id: s for s in loaded}
    return _SCALES


def scale(scale_id: str) -> Scale:
    try:
        return shipped_scales()[scale_id]
    except KeyError:
        raise ScaleError(
            f"unknown scale {scale_id!r} (known: {', '.join(shipped_scales())})"
        ) from None


def red_flags() -> tuple[RedFlag, ...]:
    global _FLAGS
    if _FLAGS is None:
        data = read_json("red_flags.json")
        _FLAGS = tuple(RedFlag(str(f["id"]), str(f["label"])) for f in data["flags"])
    return _FLAGS


def red_flag_source() -> str:
    return str(read_json("red_flags.json").get("source", RED_FLAG_SOURCE_DEFAULT))


def make_assessment(
    sc: Scale,
    on: date,
    scores: Mapping[str, int],
    flags: Sequence[str] = (),
    note: str = "",
) -> Assessment:
    """Validate item scores and red flags against ``sc``; raise ScaleError naming the item."""
    known = {i.id for i in sc.items}
    for key in scores:
        if key not in known:
            raise ScaleError(f"{sc.name} has no item {key!r}")
    ordered = []
    for item in sc.items:
        if item.id not in scores:
            raise ScaleError(f"{item.label}: no score given")
        value = scores[item.id]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScaleError(f"{item.label}: score must be a whole number")
        if not item.min <= value <= item.max:
            raise ScaleError(f"{item.label}: score must be {item.min}–{item.max}, not {value}")
        ordered.append((item.id, value))
    flag_ids = {f.id for f in red_flags()}
    for f in flags:
        if f not in flag_ids:
            raise ScaleError(f"unknown red flag {f!r}")
    return Assessment(on, sc.id, tuple(ordered), frozenset(flags), note)


def score(sc: Scale, a: Assessment) -> Scored:
    if a.scale_id != sc.id:
        raise ScaleError(f"assessment is on {a.scale_id}, not {sc.id}")
    total = a.total
    return Scored(total, sc.band(total), tuple(f for f in red_flags() if f.id in a.red_flags))


def hold_reasons(
    sc: Scale,
    total: int,
    baseline: tuple[date, int] | None,
    *,
    hold_band: str | None = None,
    rise_points: int | None = None,
) -> list[str]:
    """Why a total reaches the hold threshold (the band, or the rise over the baseline's
    (date, total)); [] when it does not. Thresholds default to the scale's values."""
    band_label = hold_band or sc.hold_band
    rise = rise_points if rise_points is not None else sc.rise_points
    reasons = []
    band = sc.band(total)
    if sc.band_rank(band.label) >= sc.band_rank(band_label):
        reasons.append(f"{sc.name} total {total} is in the {band.label} band")
    if baseline is not None and total - baseline[1] >= rise:
        base_on, base = baseline
        reasons.append(f"{sc.name} total rose {total - base} points over the baseline of "
                       f"{base} ({base_on.isoformat()})")
    return reasons


def suggest_hold(
    sc: Scale,
    history: Sequence[Assessment],
    latest: Assessment,
    *,
    hold_band: str | None = None,
    rise_points: int | None = None,
    days: int = DEFAULT_HOLD_DAYS,
) -> HoldSuggestion | None:
    """Suggest a hold when ``latest`` reaches the hold band or rises over baseline.

    The baseline is the earliest earlier assessment on the same scale. Thresholds
    default to the scale's (editable) values.
    """
    earlier = sorted((a for a in history if a.scale_id == sc.id and a.on < latest.on),
                     key=lambda a: a.on)
    baseline = (earlier[0].on, earlier[0].total) if earlier else None
    reasons = hold_reasons(sc, latest.total, baseline, hold_band=hold_band,
                           rise_points=rise_points)
    if not reasons:
        return None
    return HoldSuggestion(
        on=latest.on,
        days=days,
        reason="; ".join(reasons) + f": hold at the current dose for {days} days",
    )
