"""Which Chromium the browser tests and scripts/pdf launch (scripts/chromium.py): the
one named, else the first of Debian's headless shell and Debian's chromium that is
there, else Playwright's own; one named that is not there is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import chromium


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """Debian's two paths moved into ``tmp_path``; ``machine(*names)`` makes those there."""
    monkeypatch.delenv("GDLESSON_CHROMIUM", raising=False)
    paths = {}
    for name in ("HEADLESS_SHELL", "CHROMIUM"):
        paths[name] = tmp_path / name.lower()
        monkeypatch.setattr(chromium, name, str(paths[name]))

    def _with(*names: str) -> dict:
        for name in names:
            paths[name].write_text("")
        return {name: str(path) for name, path in paths.items()}

    return _with


def test_the_headless_shell_comes_first_then_chromium_then_playwrights(machine):
    paths = machine("HEADLESS_SHELL", "CHROMIUM")
    assert chromium.executable() == paths["HEADLESS_SHELL"]
    Path(paths["HEADLESS_SHELL"]).unlink()
    assert chromium.executable() == paths["CHROMIUM"]
    Path(paths["CHROMIUM"]).unlink()
    assert chromium.executable() is None  # Playwright's own


def test_the_one_named_is_used_or_refused_by_name(machine, monkeypatch, tmp_path):
    machine("HEADLESS_SHELL")
    named = tmp_path / "my-chromium"
    monkeypatch.setenv("GDLESSON_CHROMIUM", str(named))
    assert chromium.executable() == str(named)
    with pytest.raises(RuntimeError, match=f"GDLESSON_CHROMIUM={named} is not a file"):
        chromium.launch(playwright=None)  # refused before anything is launched
