"""Atomic writes: the temporary file gets the umask's mode, and a failure leaves nothing."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.fsio
from pipeline.fsio import atomic_path, atomic_write_bytes, atomic_write_text, current_umask

HELPER = """
import sys
from pathlib import Path
from pipeline.fsio import atomic_path, atomic_write_text, current_umask
from pipeline.export.csv import CsvStream, write_csv
out = Path(sys.argv[1])
print(oct(current_umask()))
atomic_write_text(out / "a.txt", "x")
write_csv(out / "b.csv", [{"a": "1"}], ("a",))
stream = CsvStream(out / "c.csv", ["a"])
stream.write({"a": "=1"})
stream.close()
with atomic_path(out / "d.bin") as tmp:
    tmp.write_bytes(b"d")
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_files_get_the_mode_of_the_umask(tmp_path: Path, umask: int, expected: int) -> None:
    done = subprocess.run([sys.executable, "-c", HELPER, str(tmp_path)], umask=umask,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == oct(umask)
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == ["a.txt", "b.csv", "c.csv", "d.bin"]  # no temp left
    assert {p.name: oct(mode(p)) for p in files} == {p.name: oct(expected) for p in files}
    assert (tmp_path / "c.csv").read_bytes() == b"\xef\xbb\xbfa\r\n'=1\r\n"


def test_umask_is_read_without_changing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o027)
    try:
        assert current_umask() == 0o027

        def no_proc(*args, **kwargs):
            raise OSError("no /proc here")

        monkeypatch.setattr(pipeline.fsio, "open", no_proc, raising=False)
        assert current_umask() == 0o027  # the set-and-restore fallback
        assert os.umask(0o027) == 0o027  # and it was restored
    finally:
        os.umask(old)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    atomic_write_text(tmp_path / "sub" / "new.txt", "é\r\n")  # makes the folder
    assert (tmp_path / "sub" / "new.txt").read_bytes() == "é\r\n".encode()
