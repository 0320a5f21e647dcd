"""`taperdesk handout`: write a handout PDF from options or a plan file."""

from __future__ import annotations

import argparse
from pathlib import Path

from taperdesk.cli.plan_options import EXAMPLE, add_plan_options, schedule_from_args
from taperdesk.cli.records_cmd import add_force, checked_output
from taperdesk.model import check
from taperdesk.paths import default_db_path
from taperdesk.store import StoreError
from taperdesk.store.codec import MAX_NOTE, check_text
from taperdesk.store.outputs import write_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    example = EXAMPLE.replace("taperdesk plan", "taperdesk handout")
    p = sub.add_parser(
        "handout",
        help="write a handout PDF (patient, clinician or pharmacy)",
        description="Write the patient handout, the clinician summary or the pharmacy sheet "
                    "of a plan as a PDF.",
        epilog=f"examples:\n  {example} -o handout.pdf\n"
               "  taperdesk handout --from plan.taper.json --kind pharmacy -o pharmacy.pdf\n"
               "  taperdesk handout --from plan.taper.json --large-print --paper letter "
               "--clinic-phone '555 0100' -o handout.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_plan_options(p)
    g = p.add_argument_group("the handout")
    g.add_argument("--kind", choices=["patient", "clinician", "pharmacy"], default="patient",
                   help="which handout (default: patient)")
    g.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                   help="the PDF file to write, e.g. handout.pdf (mode 0600: it names a "
                        "patient); never a records file")
    add_force(g)
    g.add_argument("--paper", choices=["a4", "letter"], default="a4",
                   help="paper size (default: a4)")
    g.add_argument("--large-print", action="store_true", help="larger type for the patient")
    g.add_argument("--patient-name", default=None, metavar="NAME",
                   help="name printed on the handout (default: from the plan file)")
    g.add_argument("--clinic-name", default="", metavar="TEXT", help="e.g. 'Riverside Clinic'")
    g.add_argument("--clinic-phone", default="", metavar="TEXT", help="e.g. '555 0100'")
    g.add_argument("--next-appointment", default="", metavar="YYYY-MM-DD",
                   help="next visit (a date, or free text); the diary runs until then")
    g.add_argument("--period", type=int, default=28, metavar="DAYS",
                   help="pharmacy: prescription period in days (default: 28)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError
    from taperdesk.report import KINDS, ClinicInfo, HandoutInput, ReportError, pharmacy_sheet

    schedule, catalogue, opioid = schedule_from_args(args)
    try:  # printed on the handout: cleaned and checked as the records' texts are
        for option in ("patient_name", "clinic_name", "clinic_phone", "next_appointment"):
            if getattr(args, option) is not None:
                setattr(args, option, check_text(getattr(args, option),
                                                 "--" + option.replace("_", "-"), MAX_NOTE))
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    name = args.patient_name
    if name is None and args.from_file is not None:
        from taperdesk.store.planfile import read_plan_file

        name = read_plan_file(args.from_file, catalogue).patient_name
    out = checked_output(args, default_db_path())
    inp = HandoutInput(
        schedule=schedule,
        warnings=check(schedule, opioid=opioid),
        patient_name=name or "",
        opioid=opioid,
        clinic=ClinicInfo(args.clinic_name, args.clinic_phone, args.next_appointment),
        paper=args.paper,
        large_print=args.large_print,
    )
    try:
        if args.kind == "pharmacy":
            pdf = pharmacy_sheet(inp, args.period)
        else:
            pdf = KINDS[args.kind](inp)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    try:
        write_output(out, pdf, force=args.force, protect=(default_db_path(),))
    except StoreError as exc:
        raise UsageError(f"nothing written: {exc}") from None
    print(f"Wrote {out} ({args.kind}, {len(pdf) // 1024} KB)")
    return 0
