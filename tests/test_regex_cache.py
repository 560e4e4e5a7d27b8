"""pipeline.regex_cache: a cached pattern is the very pattern re.compile makes."""

from __future__ import annotations

import marshal
import re
from array import array

import pytest

from pipeline import regex_cache
from pipeline.regex_cache import cache_folder, compile_cached, flush

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


def stored() -> dict:
    """What the cache file holds, as another process would read it."""
    (path,) = cache_folder().glob("programs.*")
    return marshal.loads(path.read_bytes())


def new_process() -> None:
    """Forget what this process read, as the next run starts without it."""
    regex_cache._open.clear()


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_stored_then_read_back_the_same(folder, pattern, flags):
    first = compile_cached(pattern, flags)
    flush()
    assert len(stored()) == 1  # compiled, checked and kept
    new_process()
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
    flush()
    assert len(stored()) == 2


def test_processes_add_to_one_file(folder):
    compile_cached(r"\bcabinet\b")
    flush()
    new_process()  # another run, compiling another rule
    compile_cached(r"\bscrutiny\b")
    flush()
    assert sorted(entry["pattern"] for entry in stored().values()) == [
        r"\bcabinet\b", r"\bscrutiny\b"]
    new_process()
    assert compile_cached(r"\bcabinet\b").search("the cabinet met")


def test_stale_programs_are_dropped_past_the_limit(folder, monkeypatch):
    monkeypatch.setattr(regex_cache, "MAX_PROGRAMS", 3)
    for n in range(3):
        compile_cached(rf"\bold rule {n}\b")
    flush()
    new_process()  # the rules changed: this run asks for others
    compile_cached(r"\bnew rule a\b")
    compile_cached(r"\bnew rule b\b")
    flush()
    assert sorted(entry["pattern"] for entry in stored().values()) == [
        r"\bnew rule a\b", r"\bnew rule b\b"]


def test_a_damaged_file_falls_back_to_re(folder):
    compile_cached(r"\d+ votes? (?:for|against)")
    flush()
    (path,) = cache_folder().glob("programs.*")
    (key,) = stored()
    damaged = bytes(array(regex_cache._CODE, [1, 2, 3]))
    path.write_bytes(marshal.dumps({key: {
        "pattern": r"\d+ votes? (?:for|against)", "given_flags": 0, "flags": 32,
        "code": damaged, "groups": 0, "groupindex": {}, "indexgroup": [None]}}))
    new_process()
    assert compile_cached(r"\d+ votes? (?:for|against)") == re.compile(
        r"\d+ votes? (?:for|against)")
    flush()
    assert stored()[key]["code"] != damaged  # the damaged program was replaced
    for garbage in (b"not a program file", b"", path.read_bytes()[:40]):
        path.write_bytes(garbage)
        new_process()
        assert compile_cached(r"\d+ votes? (?:for|against)").search("12 votes for")
    path.write_text("not json", encoding="utf-8")
    new_process()
    assert compile_cached(r"\d+ votes? (?:for|against)").search("12 votes for")


def test_off_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() is None
    assert compile_cached(r"apolog(?:y|ies)") == re.compile(r"apolog(?:y|ies)")
    flush()
    assert not any(tmp_path.iterdir())


def test_what_a_pattern_s_parse_gives_is_kept_and_worked_out_again_for_a_changed_rule(folder):
    from pipeline.extractors.anchors import required_sets, required_strings, starts_line

    calls = []

    def parse_count(pattern: re.Pattern[str]) -> list[str]:
        calls.append(pattern.pattern)
        return sorted(set(pattern.pattern))

    pattern = compile_cached(r"\bapolog(?:y|ies)\b", re.I)
    assert regex_cache.derived(pattern, "letters", parse_count) == sorted(set(pattern.pattern))
    expected = (required_strings(pattern), required_sets(pattern), starts_line(pattern))
    flush()
    new_process()
    assert regex_cache.derived(pattern, "letters", parse_count) == sorted(set(pattern.pattern))
    assert len(calls) == 1  # read back, not worked out again
    assert (required_strings(pattern), required_sets(pattern), starts_line(pattern)) == expected
    assert expected[0] == frozenset({"apolog"}) and expected[2] is False
    changed = compile_cached(r"^apolog(?:y|ies)\b", re.I)
    assert starts_line(changed) and regex_cache.derived(changed, "letters", parse_count)
    assert len(calls) == 2


def test_stale_programs_are_dropped_when_they_outweigh_those_used(folder, monkeypatch):
    monkeypatch.setattr(regex_cache, "MAX_STALE_BYTES", 1000)
    vocabulary = "|".join(f"word{n}" for n in range(200))  # a long alternation, changed by
    for release in range(3):  # each release: its old programs stay behind, unused
        new_process()
        compile_cached(vocabulary + f"|release{release}")
        compile_cached(r"\bcabinet\b")
        flush()
    assert sorted(entry["pattern"] for entry in stored().values()) == sorted([
        vocabulary + "|release2", r"\bcabinet\b"])


def test_programs_of_other_runs_are_kept_while_they_weigh_little(folder):
    compile_cached("|".join(f"pdfword{n}" for n in range(50)))  # a run of other papers
    flush()
    new_process()
    compile_cached(r"\bcabinet\b")
    flush()
    assert len(stored()) == 2  # under MAX_STALE_BYTES: nothing is dropped
