"""`taperdesk handout` refuses while a severe warning is unacknowledged (issue 11, rule 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pdftext import flat, page_texts

OVER = ["--dose", "45", "--start", "2027-01-04", "--clinic-phone", "555 0100"]


def taperdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "taperdesk.cli", "handout", *args],
                          capture_output=True, text=True, timeout=120)


def test_a_severe_warning_refuses_the_handout_with_one_line(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    r = taperdesk(*OVER, "-o", str(out))
    assert r.returncode == 2 and not out.exists()
    assert len(r.stderr.strip().splitlines()) == 1
    assert "[over-max-daily-dose]" in r.stderr and "--acknowledge-severe" in r.stderr


def test_acknowledged_it_prints_and_the_reason_is_on_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    r = taperdesk(*OVER, "--kind", "clinician", "-o", str(out),
                  "--acknowledge-severe", "specialist epilepsy plan, letter of 3 May")
    assert r.returncode == 0, r.stderr
    text = flat(" ".join(page_texts(out.read_bytes())))
    assert "specialist epilepsy plan, letter of 3 May" in text
    r = taperdesk(*OVER, "-o", str(tmp_path / "x.pdf"), "--acknowledge-severe", "  ")
    assert r.returncode == 2  # a blank reason is no acknowledgement


def test_a_plan_without_severe_warnings_needs_no_acknowledgement(tmp_path: Path) -> None:
    r = taperdesk("--dose", "3", "--start", "2027-01-04", "--clinic-phone", "555 0100",
                  "-o", str(tmp_path / "ok.pdf"))
    assert r.returncode == 0, r.stderr
