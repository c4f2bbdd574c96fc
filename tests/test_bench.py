"""`make bench` measures copies of the project; they must build from a fresh clone as the bench is run."""

from __future__ import annotations

import pytest

from bench.bench import give_copies_the_version_date
from scripts.version import VersionUnknown, version_date
from tests.conftest import PROJECT


def test_the_bench_gives_its_copies_the_clones_version_date(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # as `make bench` runs: not set, and restored after this test
    expected = version_date(PROJECT)
    with pytest.raises(VersionUnknown):
        version_date(tmp_path)  # a copy has no .git
    give_copies_the_version_date()
    assert version_date(tmp_path) == expected
