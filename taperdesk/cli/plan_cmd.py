"""`taperdesk plan`: print a schedule as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date

from taperdesk.cli.plan_options import EXAMPLE, add_plan_options, schedule_from_args
from taperdesk.model import (
    Schedule,
    StepKind,
    check,
    format_mg,
)
from taperdesk.model.catalogue import Catalogue
from taperdesk.model.guardrails import PlanWarning
from taperdesk.model.instructions import drug_title, step_short
from taperdesk.model.serialize import schedule_to_dict


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "plan",
        help="print a taper schedule",
        description="Print the schedule of a taper plan, with its warnings and their sources.",
        epilog=f"examples:\n  {EXAMPLE}\n  {EXAMPLE} --format json\n"
               "  taperdesk plan --dose 2 --protocol percent-current --percent 10 --every 14 "
               "--start 2027-01-04 --hold 2027-03-01:14\n"
               "  taperdesk plan --dose 3 --protocol fixed --step-mg 0.25 --every 3 "
               "--split morning-night --start 2027-01-04 --format csv\n"
               "  taperdesk plan --dose 3 --protocol custom --step 2.5:14 --step 2:14 "
               "--step 1:14 --products us-tablets-odt --start 2027-01-04\n\n"
               "Exit status 2 and a one-line message on bad input.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_plan_options(p)
    p.add_argument("--format", choices=["table", "json", "csv", "ics", "fhir"], default="table",
                   help="output format, e.g. --format json (default: table); ics: a calendar; "
                        "fhir: a FHIR R4 Bundle (needs --from, whose patient it names)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    schedule, catalogue, opioid = schedule_from_args(args)
    if args.format in ("ics", "fhir"):
        return _interop(args, schedule, catalogue)
    warnings = check(schedule, opioid=opioid)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        # A console that cannot show µ or ½ gets a stand-in rather than a crash.
        out.reconfigure(errors="replace")
    if args.format == "json":
        json.dump(schedule_to_dict(schedule, warnings), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "csv":
        out.write(to_csv(schedule))
    else:
        out.write(to_table(schedule, warnings))
    return 0


def how_taken(schedule: Schedule, step_row: int) -> str:
    """'Morning 1 mg (1 × 1 mg); Bedtime 0.5 mg (½ × 0.5 mg + ...)'; a substituted step
    of a cross-over also names its equivalence source."""
    step = schedule.steps[step_row]
    text = step_short(step)
    if schedule.crossover is not None and step.kind == StepKind.SUBSTITUTION:
        text += f" [equivalence: {schedule.crossover.source.split(' (')[0]}]"
    return text


def _title(schedule: Schedule) -> list[str]:
    plan, xo = schedule.plan, schedule.crossover
    if xo is None:
        return [f"{schedule.drug.name} taper from {format_mg(schedule.start_ug)} mg/day, "
                f"protocol {plan.protocol.id}: {plan.protocol.describe()}"]
    return [f"{drug_title(schedule)}: cross-over from {xo.from_drug.id} "
            f"{format_mg(xo.start_made_ug)} mg/day ({format_mg(schedule.start_ug)} mg/day "
            f"diazepam-equivalent), protocol {plan.protocol.id}: {plan.protocol.describe()}",
            f"Equivalence: {xo.source}",
            "mg/day is the diazepam-equivalent total of the day's doses."]


def to_table(schedule: Schedule, warnings: tuple[PlanWarning, ...]) -> str:
    plan = schedule.plan
    lines = [
        *_title(schedule),
        f"Source: {plan.protocol.info.source}",
        "",
    ]
    header = ("Step", "Start", "End", "Days", "mg/day", "Kind", "How to take")
    rows = [
        (str(s.row + 1), s.start.isoformat(), s.end.isoformat(), str(s.days),
         format_mg(s.daily_ug), s.kind, how_taken(schedule, s.row))
        for s in schedule.steps
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for r in [header, *rows]:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
    lines.append(f"Stop: {schedule.stop_date.isoformat()} (first day with no dose); "
                 f"{schedule.total_days} days in all.")
    for n in schedule.notes:
        lines.append(f"Note: {n}")
    if warnings:
        lines.append("")
        lines.append("Warnings:")
        for w in warnings:
            lines.append(f"  [{w.code}] {w.message}")
            lines.append(f"      source: {w.source}")
    return "\n".join(lines) + "\n"


def to_csv(schedule: Schedule) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["step", "start", "end", "days", "daily_mg", "kind", "how_to_take", "rationale"])
    for s in schedule.steps:
        w.writerow([s.row + 1, s.start.isoformat(), s.end.isoformat(), s.days,
                    format_mg(s.daily_ug), s.kind, how_taken(schedule, s.row), s.rationale])
    return buf.getvalue()


def _interop(args: argparse.Namespace, schedule: Schedule, catalogue: Catalogue) -> int:
    """The plan as a calendar or a FHIR Bundle on standard output (docs/INTEROP.md)."""
    from taperdesk.cli import UsageError

    if not schedule.steps:
        raise UsageError("the plan has no steps to export")
    name = ""
    patient = None
    if args.from_file is not None:
        from taperdesk.store.planfile import read_plan_file

        doc = read_plan_file(args.from_file, catalogue)
        name, patient = doc.patient_name, doc
    if args.format == "ics":
        from taperdesk.interop.ical import plan_calendar

        data = plan_calendar(schedule, name)
    else:
        if patient is None or not name:
            raise UsageError("--format fhir needs a patient: use --from a plan file that "
                             "names one, or taperdesk export PATIENT --format fhir")
        from taperdesk.interop.fhir import bundle_json, plan_bundle

        data = bundle_json(plan_bundle(schedule, _Named(name, patient.born, patient.clinic_id)))
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    return 0


class _Named:
    """A plan file's patient, as the FHIR export reads a patient."""

    def __init__(self, name: str, born: date | None, clinic_id: str) -> None:
        self.name, self.born, self.clinic_id = name, born, clinic_id
