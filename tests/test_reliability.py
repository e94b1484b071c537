"""What is not a finding never exits 1 and never prints a traceback: special files, hostile
configs, unwritable outputs, closed streams. Each case fails before the model loads and before
anything is written (issue 14)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import alignqa.embed
from cli_helpers import run_cli
from test_bad_input import GOOD_EN, GOOD_LV, assert_one_line_error, make_corpus

SRC = Path(__file__).resolve().parents[1] / "src"
NO_DAC = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search",
          "--inh-caps", "-dac_override,-dac_read_search"]


@pytest.fixture
def cli(capsys):
    return lambda *args: run_cli(list(args), capsys)


@pytest.fixture
def no_model(monkeypatch):
    """Every case here must fail before the model: loading it is a test failure (exit 70)."""
    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded before the error was found")

    monkeypatch.setattr(alignqa.embed, "load_embedder", refuse)


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus", {"en/doc.md": GOOD_EN, "lv/doc.md": GOOD_LV})


def run_process(args: list, *, prefix: list | None = None, env: dict | None = None,
                **kwargs) -> subprocess.CompletedProcess:
    """``alignqa ARGS`` in a fresh interpreter (for what a process-wide state decides)."""
    full_env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]), **(env or {})}
    return subprocess.run([*(prefix or []), sys.executable, "-m", "alignqa.cli",
                           *map(str, args)], capture_output=kwargs.pop("capture_output", True),
                          text=True, env=full_env, timeout=120, **kwargs)


def assert_one_line(proc: subprocess.CompletedProcess, *needles: str) -> None:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# 1. Outputs that cannot be written: one line, exit 2, the previous report untouched.

@pytest.mark.parametrize(("case", "needle"), [
    ("proc", "/proc/r.json"),
    ("output-dir-is-file", "is not a directory"),
    ("output-under-file", "is not a directory"),
    ("baseline-dir", "is a directory"),
    ("two-file-formats-on-stdout", "cannot share stdout"),
])
def test_unwritable_outputs_fail_before_the_model(cli, corpus, tmp_path, no_model, case, needle):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "index.html").write_text("previous report", encoding="utf-8")
    afile = tmp_path / "F"
    afile.write_text("a file", encoding="utf-8")
    (tmp_path / "D").mkdir()
    args = {
        "proc": ["--format", "json", "-o", "/proc/r.json"],
        "output-dir-is-file": ["--output-dir", afile],
        "output-under-file": ["-o", afile / "r.json"],
        "baseline-dir": ["--baseline", tmp_path / "D", "--update-baseline"],
        "two-file-formats-on-stdout": ["--format", "json", "--format", "sarif"],
    }[case]
    if "--output-dir" not in args:
        args += ["--output-dir", reports]
    assert_one_line_error(cli("check", corpus, *args), needle)
    assert (reports / "index.html").read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in reports.iterdir()) == ["index.html"]
    assert afile.read_text(encoding="utf-8") == "a file"


def test_a_socket_is_not_replaced(cli, corpus, no_model):
    with tempfile.TemporaryDirectory(dir="/tmp") as short:  # socket paths are short
        path = Path(short) / "s"
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
            run = cli("check", corpus, "--no-report", "--format", "json", "-o", path)
    assert_one_line_error(run, str(path), "will not replace it")


def test_streams_are_accepted_as_outputs(tmp_path):
    from alignqa.preflight import check_writable_file

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    check_writable_file(Path(os.devnull))
    check_writable_file(fifo)  # `-o >(jq .)` hands alignqa a pipe


def _without_dac() -> list[str]:
    """A command prefix under which file permissions bind (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bind")
    return NO_DAC


@pytest.mark.parametrize(("mode", "needle"), [
    (0o644, "Permission denied"),  # no execute bit: the folder is listed, its files not reachable
    (0o311, "cannot list folder"),  # no read bit: the folder cannot be listed
])
def test_unreadable_language_folder(corpus, mode, needle):
    prefix = _without_dac()
    folder = corpus / "lv"
    folder.chmod(mode)
    try:
        proc = run_process(["check", corpus, "--no-report"], prefix=prefix)
    finally:
        folder.chmod(0o755)
    assert_one_line(proc, str(folder), needle)


def test_unreadable_document(corpus):
    prefix = _without_dac()
    doc = corpus / "en" / "doc.md"
    doc.chmod(0)
    try:
        proc = run_process(["segment", doc], prefix=prefix)
    finally:
        doc.chmod(0o644)
    assert_one_line(proc, str(doc), "not readable")


# 2-3. Special files: a symlink loop, a dangling link, a FIFO (which used to hang forever).

@pytest.mark.parametrize("command", ["segment", "check", "align"])
def test_symlink_loop(cli, tmp_path, command):
    (tmp_path / "en").mkdir()
    a, b = tmp_path / "en" / "a.md", tmp_path / "en" / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    args = [a, b] if command == "align" else [a]
    assert_one_line_error(cli(command, *args), str(a), "symbolic link loop")


@pytest.mark.parametrize("command", ["segment", "check"])
def test_dangling_symlink_says_so(cli, tmp_path, command):
    (tmp_path / "en").mkdir()
    link = tmp_path / "en" / "doc.md"
    link.symlink_to(tmp_path / "en" / "gone.md")
    assert_one_line_error(cli(command, link), str(link), "broken symbolic link", "gone.md")


def test_segment_fifo_is_refused_not_read(tmp_path):
    (tmp_path / "en").mkdir()
    fifo = tmp_path / "en" / "x.md"
    os.mkfifo(fifo)
    # In a fresh process with a timeout: reading a FIFO with no writer would block forever.
    assert_one_line(run_process(["segment", fifo]), str(fifo), "FIFO", "not a regular file")


def test_special_files_in_a_corpus_are_named(cli, tmp_path, no_model):
    root = make_corpus(tmp_path / "corpus", {"en/doc.md": GOOD_EN})
    (root / "lv").mkdir()
    os.mkfifo(root / "lv" / "doc.md")
    run = cli("check", root, "--no-report")
    assert_one_line_error(run, "no translations to check", "lv/doc.md", "not a regular file")


# 1. Hostile configs and glossaries.

def test_deeply_nested_config(cli, corpus, no_model):
    (corpus / "alignqa.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_one_line_error(cli("check", corpus), "alignqa.toml", "nested too deeply")


def test_deeply_nested_baseline(cli, corpus, no_model):
    (corpus / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_one_line_error(cli("check", corpus, "--no-report", "--baseline",
                              corpus / "baseline.json"), "baseline.json", "nested too deeply")


def test_huge_glossary_cell(cli, corpus, no_model):
    (corpus / "glossary.csv").write_text("source,target\nclient," + "x" * 140_000 + "\n",
                                         encoding="utf-8")
    assert_one_line_error(cli("check", corpus, "--no-report"), "glossary.csv", "line 2",
                          "longer than")


# 2. Aligner options: range and finiteness, one message per bad key.

@pytest.mark.parametrize(("toml", "needles"), [
    ("full-grid-cells = 1", ["full-grid-cells", "between 1024"]),
    ("merge-penalty = nan", ["merge-penalty", "finite"]),
    ("max-bead-side = 100000", ["max-bead-side", "between 1 and 20"]),
    ("skip = inf\nband-width = 0", ["skip must be a finite", "band-width must be between"]),
])
def test_aligner_option_ranges(cli, corpus, no_model, toml, needles):
    (corpus / "alignqa.toml").write_text(f"[align]\n{toml}\n", encoding="utf-8")
    assert_one_line_error(cli("check", corpus, "--no-report"), "alignqa.toml", *needles)


def test_cli_max_bead_uses_the_same_bound(cli, corpus, no_model):
    run = cli("align", corpus / "en" / "doc.md", corpus / "lv" / "doc.md", "--max-bead", "21")
    assert_one_line_error(run, "--max-bead", "between 1 and 20")


# 1. Closed streams and the environment.

def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("command", ["segment", "check"])
def test_closed_stdout(corpus, command):
    args = [corpus / "en" / "doc.md"] if command == "segment" else [corpus, "--no-report"]
    proc = run_process([command, *args], capture_output=False, stdout=None,
                       stderr=subprocess.PIPE, preexec_fn=_close_stdout)
    assert_one_line(proc, "stdout is closed")


def test_broken_pipe(corpus):
    big = corpus / "en" / "big.md"
    big.write_text("A sentence about clients. " * 20_000, encoding="utf-8")
    with subprocess.Popen([sys.executable, "-m", "alignqa.cli", "segment", big],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(SRC)}) as proc:
        proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, as `| head -1` does
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 2, err
    assert "Traceback" not in err and "broken pipe" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("value", ["", "not-a-date"])
def test_source_date_epoch(corpus, value):
    # --max-bead 99 fails after the aligner (and numpy, which reads the variable) is imported.
    proc = run_process(["align", corpus / "en" / "doc.md", corpus / "lv" / "doc.md",
                        "--max-bead", "99"], env={"SOURCE_DATE_EPOCH": value})
    assert_one_line(proc, "SOURCE_DATE_EPOCH" if value else "--max-bead")


# 5. Inputs read before the model: baseline, glossary, TBX.

@pytest.mark.parametrize(("name", "content", "needle"), [
    ("baseline.json", "{not json", "baseline is not valid JSON"),
    ("glossary.csv", 'source,target\n"client,klients\nrole,loma\n', "unterminated quote"),
    ("glossary.tbx", "<martif type='TBX'><text><body>", "not well-formed TBX"),
])
def test_bad_inputs_fail_before_the_model(cli, corpus, no_model, name, content, needle):
    (corpus / name).write_text(content, encoding="utf-8")
    extra = ["--baseline", corpus / name] if name.startswith("baseline") else []
    assert_one_line_error(cli("check", corpus, "--no-report", *extra), name, needle)


def test_xxe_tbx_says_what_it_is(cli, corpus, no_model):
    (corpus / "glossary.tbx").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<martif type="TBX" xml:lang="en"><text><body><termEntry>'
        '<langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet>'
        '<langSet xml:lang="lv"><tig><term>x</term></tig></langSet>'
        "</termEntry></body></text></martif>\n", encoding="utf-8")
    assert_one_line_error(cli("check", corpus, "--no-report"), "glossary.tbx",
                          "declares XML entities (xxe)")


# 6-7. NUL anywhere; the size guard.

def test_nul_after_the_first_8_kib(cli, tmp_path):
    doc = make_corpus(tmp_path, {"en/doc.md": ("A sentence. " * 2000 + "\x00 tail.\n")}) / "en/doc.md"
    assert_one_line_error(cli("segment", doc), str(doc), "binary")


def test_size_guard_default_and_configured(cli, tmp_path, no_model):
    root = make_corpus(tmp_path / "corpus", {"en/doc.md": GOOD_EN, "lv/doc.md": GOOD_LV})
    big = root / "en" / "big.md"
    line = "A sentence about the client-facing role and its many duties here.\n"
    big.write_text(line * (10_000_000 // len(line) + 1), encoding="utf-8")  # just over 10 MB
    assert_one_line_error(cli("segment", big), str(big), "over the 10.0 MB size limit",
                          "max-file-size")
    (root / "alignqa.toml").write_text('max-file-size = "50 B"\n', encoding="utf-8")
    big.unlink()
    assert_one_line_error(cli("check", root, "--no-report"), "doc.md", "over the 50 bytes",
                          "max-file-size")
    (root / "alignqa.toml").write_text('max-file-size = "ten"\n', encoding="utf-8")
    assert_one_line_error(cli("check", root, "--no-report"), "alignqa.toml", "max-file-size")


def test_size_guard_holds_for_keyed_files(cli, tmp_path, no_model):
    root = tmp_path / "app"
    (root / "po").mkdir(parents=True)
    (root / "po" / "lv.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: lv\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Key Takeaways"\nmsgstr "Galvenās atziņas"\n', encoding="utf-8")
    (root / "alignqa.toml").write_text('source-lang = "en"\nmax-file-size = "50 B"\n\n'
                                       '[[files]]\nsource = "po/*.po"\n', encoding="utf-8")
    assert_one_line_error(cli("check", root, "--no-report"), "lv.po", "over the 50 bytes",
                          "max-file-size")


# 8. Messages that used to mislead.

def test_utf16_without_bom_is_named(cli, tmp_path):
    doc = make_corpus(tmp_path, {"lv/doc.md": GOOD_LV.encode("utf-16-le")}) / "lv/doc.md"
    assert_one_line_error(cli("segment", doc), str(doc), "UTF-16 (little-endian) without a "
                          "byte-order mark")


def test_bad_lang_option_names_the_file(cli, corpus):
    doc = corpus / "en" / "doc.md"
    assert_one_line_error(cli("segment", doc, "--lang", "xx"), str(doc), "--lang", "'xx'")


def test_upper_case_language_folders(cli, tmp_path, no_model):
    root = make_corpus(tmp_path / "c", {"EN/doc.md": GOOD_EN, "DE/doc.md": GOOD_LV})
    (root / "alignqa.toml").write_text('source-lang = "EN"\n', encoding="utf-8")
    assert_one_line_error(cli("check", root, "--no-report"), str(root / "EN"), "lower case")
    other = make_corpus(tmp_path / "d", {"en/doc.md": GOOD_EN, "DE/doc.md": GOOD_LV})
    assert_one_line_error(cli("check", other, "--no-report"), str(other / "DE"), "lower case")


def test_usage_errors_are_one_line(cli):
    for args in (["check"], ["check", "--format", "xml", "c"], ["nosuch"], ["align", "a"]):
        run = cli(*args)
        assert_one_line_error(run, "alignqa: error: ")


def test_language_folder_holding_an_en_folder_is_not_a_root(cli, tmp_path, no_model):
    root = make_corpus(tmp_path / "corpus", {"en/doc.md": GOOD_EN, "lv/doc.md": "  \n",
                                             "lv/en/notes.md": GOOD_EN})
    # Taken as the root, lv/ would pair lv/en/notes.md with nothing and never read lv/doc.md.
    assert_one_line_error(cli("check", root / "lv", "--no-report"), str(root / "lv" / "doc.md"),
                          "empty document")


def test_internal_error_exit_code(cli, corpus, monkeypatch):
    import alignqa.segment

    def bug(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(alignqa.segment, "load_document", bug)
    run = cli("segment", corpus / "en" / "doc.md")
    assert run.code == 70
    assert "Traceback" in run.err and "ZeroDivisionError" in run.err
    assert run.err.splitlines()[-1].startswith("alignqa: error: internal error")


def test_main_returns_the_code_in_process(cli, corpus):
    run = cli("segment", corpus / "en" / "doc.md")
    assert run.code == 0 and run.out.splitlines()[0] == "What Is Client-Facing?"
    assert cli("--version").code == 0
