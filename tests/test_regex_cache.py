"""pipeline.regex_cache: a cached pattern is the very pattern re.compile makes."""

from __future__ import annotations

import re

import pytest

from pipeline.regex_cache import cache_folder, compile_cached

PATTERNS = [
    (r"(?P<word>[A-Z][a-z]+)\s+(?P<number>\d+)", 0),
    ("|".join(f"(?:ward{n}|parish{n})" for n in range(300)), re.I),
    (r"(?m)^\s*(?:item|minute)\s+\d+[.:]?(?=\s)", 0),
    (r"caf\u00e9|na\u00efve", re.I | re.X),
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_CACHE", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_stored_then_read_back_the_same(folder, pattern, flags):
    first = compile_cached(pattern, flags)
    stored = list(cache_folder().glob("*.json"))
    assert len(stored) == 1  # compiled, checked and kept
    again = compile_cached(pattern, flags)  # built from the stored program
    expected = re.compile(pattern, flags)
    assert first == expected and again == expected  # same flags, groups and code
    assert again.groupindex == expected.groupindex
    sample = "Ward12 Parish7 item 4: Hall 12 CAFÉ"
    assert [m.span() for m in again.finditer(sample)] == [
        m.span() for m in expected.finditer(sample)]


def test_a_changed_rule_is_compiled_afresh(folder):
    compile_cached(r"\bcabinet\b", re.I)
    changed = compile_cached(r"\bcabinet\b", 0)  # other flags: another key
    assert changed == re.compile(r"\bcabinet\b") and not changed.search("CABINET")
    assert len(list(cache_folder().glob("*.json"))) == 2


def test_a_damaged_file_falls_back_to_re(folder):
    compile_cached(r"\d+ votes? (?:for|against)")
    (path,) = cache_folder().glob("*.json")
    path.write_text('{"pattern": "\\\\d+ votes? (?:for|against)", "given_flags": 0, '
                    '"flags": 32, "code": [1, 2, 3], "groups": 0, "groupindex": {}, '
                    '"indexgroup": [null]}', encoding="utf-8")
    assert compile_cached(r"\d+ votes? (?:for|against)") == re.compile(
        r"\d+ votes? (?:for|against)")
    path.write_text("not json", encoding="utf-8")
    assert compile_cached(r"\d+ votes? (?:for|against)").search("12 votes for")


def test_off_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() is None
    assert compile_cached(r"apolog(?:y|ies)") == re.compile(r"apolog(?:y|ies)")
    assert not any(tmp_path.iterdir())
