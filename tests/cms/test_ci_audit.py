"""CI audits the installed dependencies for known advisories and fails on any, or on a dependency
it could not look up; an advisory is ignored only with a reason written beside it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_pip_audit_strictly():
    script = (ROOT / ".ci" / "run").read_text()
    assert ".venv/bin/pip-audit --strict --skip-editable" in script
    # Skipped only when PyPI's advisory API itself cannot be reached, and then said loudly.
    assert "pip-audit SKIPPED" in script
    assert '"pip-audit>=' in (ROOT / "pyproject.toml").read_text()


def test_every_ignored_advisory_gives_its_reason():
    lines = (ROOT / ".ci" / "pip-audit-ignore").read_text().splitlines()
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            advisory, _, reason = line.strip().partition(" ")
            assert advisory and reason.strip(), f"{line!r} names no reason"
