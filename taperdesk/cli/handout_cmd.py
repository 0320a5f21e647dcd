"""`taperdesk handout`: write a handout PDF from options or a plan file."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from taperdesk.cli.plan_options import (
    EXAMPLE,
    add_plan_options,
    add_severe_option,
    schedule_from_args,
    severe_acknowledgements,
)
from taperdesk.cli.records_cmd import add_force, checked_output
from taperdesk.cli.signing import add_user_option, sign_in
from taperdesk.model import check
from taperdesk.model.languages import DEFAULT_LANGUAGE, LANGUAGES
from taperdesk.paths import default_db_path
from taperdesk.report.context import (
    DEFAULT_EMERGENCY,
    WEEK_STARTS,
    HandoutSettings,
    handout_settings,
    notices,
)
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
    g.add_argument("--paper", choices=["a4", "letter"], default=None,
                   help="paper size (default: the clinic setting with --db, else a4)")
    g.add_argument("--large-print", action="store_true", help="larger type for the patient")
    g.add_argument("--language", default=None, metavar="CODE",
                   help=f"the patient handout's language: {', '.join(LANGUAGES)} (default: the "
                        "plan file's patient.language, else en); the clinician summary and "
                        "the pharmacy sheet are in English")
    g.add_argument("--patient-name", default=None, metavar="NAME",
                   help="name printed on the handout (default: from the plan file)")
    g.add_argument("--born", default=None, metavar="YYYY-MM-DD",
                   help="the patient's date of birth, printed beside the name on every page "
                        "(default: from the plan file)")
    g.add_argument("--clinic-id", default=None, metavar="TEXT",
                   help="the patient's clinic ID, printed beside the name (default: from the "
                        "plan file)")
    g.add_argument("--clinic-name", default=None, metavar="TEXT", help="e.g. 'Riverside Clinic'")
    g.add_argument("--clinic-phone", default=None, metavar="TEXT", help="e.g. '555 0100'")
    g.add_argument("--emergency-number", default=None, metavar="TEXT",
                   help="printed in the get-help box, e.g. 999 (default: the clinic setting "
                        f"with --db, else {DEFAULT_EMERGENCY}, the TaperDesk default for the US)")
    g.add_argument("--week-start", choices=list(WEEK_STARTS), default=None,
                   help="the calendar's first column (default: the clinic setting, else monday)")
    g.add_argument("--next-appointment", default=None, metavar="YYYY-MM-DD",
                   help="next visit (a date, or free text); the diary runs until then")
    g.add_argument("--db", metavar="PATH", type=Path, default=None,
                   help="a records file whose clinic settings (name, phone, emergency number, "
                        "paper, first day of the week) to use; options given here win")
    add_user_option(g)
    g.add_argument("--period", type=int, default=28, metavar="DAYS",
                   help="pharmacy: prescription period in days (default: 28)")
    add_severe_option(g)
    p.set_defaults(run=run)


def _settings(args: argparse.Namespace) -> HandoutSettings:
    """The clinic settings of --db (read only), or the TaperDesk defaults without one."""
    from taperdesk.cli import UsageError
    from taperdesk.store import Store, StoreError

    if args.db is None:
        return handout_settings(lambda key, default: default)
    if not args.db.is_file():
        raise UsageError(f"--db {str(args.db)!r} does not exist")
    try:
        with Store.open(args.db, create=False) as store:
            sign_in(store, args.user)
            return handout_settings(store.setting)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _pick(given: str | None, setting: str) -> str:
    return setting if given is None else given.strip()


def run(args: argparse.Namespace) -> int:
    from taperdesk.cli import UsageError
    from taperdesk.report import KINDS, ClinicInfo, HandoutInput, ReportError, pharmacy_sheet

    if args.language is not None and args.language not in LANGUAGES:
        raise UsageError(f"--language {args.language!r} is not a language TaperDesk ships "
                         f"(known: {', '.join(LANGUAGES)})")
    schedule, catalogue, opioid = schedule_from_args(args)
    try:  # printed on the handout: cleaned and checked as the records' texts are
        for option in ("patient_name", "clinic_name", "clinic_phone", "next_appointment",
                       "clinic_id", "emergency_number"):
            if getattr(args, option) is not None:
                setattr(args, option, check_text(getattr(args, option),
                                                 "--" + option.replace("_", "-"), MAX_NOTE))
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    language = args.language
    warnings = check(schedule, opioid=opioid)
    acknowledgements = severe_acknowledgements(args, warnings)
    name, born, clinic_id = args.patient_name, None, args.clinic_id
    if args.from_file is not None:
        from taperdesk.store.planfile import read_plan_file

        doc = read_plan_file(args.from_file, catalogue)
        name = doc.patient_name if name is None else name
        born, clinic_id = doc.born, doc.clinic_id if clinic_id is None else clinic_id
        language = doc.language if language is None else language
    if args.born is not None:
        try:
            born = date.fromisoformat(args.born)
        except ValueError:
            raise UsageError(f"--born {args.born!r} is not a real date (YYYY-MM-DD)") from None
    out = checked_output(args, default_db_path())
    st = _settings(args)
    c = st.clinic
    clinic = ClinicInfo(_pick(args.clinic_name, c.name), _pick(args.clinic_phone, c.phone),
                        _pick(args.next_appointment, c.next_appointment),
                        _pick(args.emergency_number, c.emergency) or DEFAULT_EMERGENCY)
    inp = HandoutInput(
        schedule=schedule,
        warnings=warnings,
        acknowledgements=acknowledgements,
        patient_name=name or "",
        opioid=opioid,
        clinic=clinic,
        paper=args.paper or st.paper,
        large_print=args.large_print,
        born=born,
        clinic_id=clinic_id or "",
        week_start=args.week_start or st.week_start,
        language=language or DEFAULT_LANGUAGE,
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
    if args.kind == "patient":
        for notice in notices(inp):  # the PDF is written and says so too
            print(f"taperdesk: warning: {notice}", file=sys.stderr)
    return 0
