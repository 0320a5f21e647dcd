"""The Session is the window's only writer: no view in taperdesk/ui writes to the store or
emits the Session's signals (read from the source, so a new view cannot slip one in)."""

from __future__ import annotations

import ast
from pathlib import Path

import taperdesk.ui
from taperdesk.ui.session import Session

UI = Path(taperdesk.ui.__file__).parent
SESSION_FILES = {"session.py", "session_records.py", "session_users.py",
                 "session_appointments.py", "live.py"}
"""The Session and the parts of it kept in their own files."""
STORE_READS = {
    "acknowledgements", "active_plan", "appointments", "assessments", "catalogue", "changes",
    "checkin_day", "next_appointment",
    "data_version", "export_document", "find_patients", "integrity_problems", "path",
    "patient", "patient_count", "plan_record", "plans", "read_only", "revisions",
    "schema_version", "search_patients", "setting", "who", "user", "users", "has_users",
}
"""What a view may read from ``session.store``; anything else (a write) is the Session's."""
SIGNALS = {name for name in dir(Session)
           if type(getattr(Session, name)).__name__ == "Signal"}


def _chain(node: ast.expr) -> list[str]:
    """``a.b.c`` as ["a", "b", "c"] (empty for anything that is not a plain chain)."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
        return names[::-1]
    return []


def offences(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        chain = _chain(node)
        if len(chain) >= 2 and chain[-2] == "store" and chain[-1] not in STORE_READS:
            found.append(f"line {node.lineno}: writes the store: {'.'.join(chain)}")
        if (len(chain) >= 3 and chain[-1] == "emit" and chain[-2] in SIGNALS
                and chain[:-2] != ["self"]):
            found.append(f"line {node.lineno}: emits the session's signal: {'.'.join(chain)}")
    return found


def test_the_checker_finds_a_store_write_and_a_signal_emit() -> None:
    bad = ("def f(self, s):\n    self._session.store.add_patient(name='x')\n"
           "    s.patients_changed.emit()\n    self._session.error.emit('x')\n"
           "    self.message.emit('own signal')\n    s.store.search_patients('')\n")
    assert len(offences(bad)) == 3
    assert {"error", "plan_changed", "changed", "patients_changed"} <= SIGNALS


def test_no_view_writes_to_the_store_or_emits_the_sessions_signals() -> None:
    views = sorted(p for p in UI.glob("*.py") if p.name not in SESSION_FILES)
    assert len(views) > 15
    found = {p.name: offences(p.read_text()) for p in views}
    assert {name: f for name, f in found.items() if f} == {}


def test_commands_call_only_the_sessions_public_operations() -> None:
    tree = ast.parse((UI / "commands.py").read_text())
    private = [".".join(c) for n in ast.walk(tree) if isinstance(n, ast.Attribute)
               for c in [_chain(n)] if len(c) >= 3 and c[1] == "_session"
               and c[2].startswith("_")]
    store = [".".join(c) for n in ast.walk(tree) if isinstance(n, ast.Attribute)
             for c in [_chain(n)] if "store" in c]
    assert private == [] and store == []
