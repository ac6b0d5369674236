"""Packaging: dependencies, the public API, the console script, the Makefile, CI and the README."""

from __future__ import annotations

import importlib
import re

import pytest
import yaml

import analysis
from conftest import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

PUBLIC_API = [
    "ActorMention",
    "Analysis",
    "Article",
    "Attribution",
    "Comparison",
    "ComparisonError",
    "Cue",
    "DataFileError",
    "Document",
    "InputError",
    "Limits",
    "LoadedTerm",
    "OutputError",
    "Paragraph",
    "Quote",
    "ReportError",
    "Sentence",
    "SentenceTone",
    "SlantError",
    "SlantWarning",
    "Source",
    "Span",
    "__version__",
    "analyze",
    "analyze_all",
    "check_lexicon",
    "compare",
    "load_lexicon",
    "read_analysis",
]


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    assert match, spec
    return normalize(match.group(1))


def test_pyproject_and_environment_list_the_same_dependencies(pyproject):
    runtime = {requirement_name(spec) for spec in pyproject["project"]["dependencies"]}
    environment = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    conda = {requirement_name(spec) for spec in environment["dependencies"] if isinstance(spec, str)}
    conda -= {"python", "pip"}
    pip_section = next(spec["pip"] for spec in environment["dependencies"] if isinstance(spec, dict))
    assert pip_section[-1] == "-e ."  # the package itself, last
    from_pip = {requirement_name(spec) for spec in pip_section[:-1]}
    assert not conda & from_pip, "a dependency is listed twice"
    assert runtime == conda | from_pip
    assert "vadersentiment" in runtime


def test_public_api_is_pinned():
    assert sorted(analysis.__all__) == PUBLIC_API
    assert len(set(analysis.__all__)) == len(analysis.__all__)


@pytest.mark.parametrize("name", PUBLIC_API)
def test_public_name_is_importable(name):
    module = importlib.import_module("analysis")
    assert getattr(module, name) is not None
    namespace: dict = {}
    exec(f"from analysis import {name}", namespace)
    assert name in namespace


def test_slant_console_script_is_the_cli_main(pyproject):
    assert pyproject["project"]["scripts"] == {"slant": "analysis._cli:main"}
    from analysis._cli import main

    assert callable(main)


def test_ci_runs_make_test():
    ci = REPO / ".ci" / "run"
    if not ci.exists():
        pytest.skip("no .ci/run")
    commands = [line.strip() for line in ci.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert "make test" in commands


def test_makefile_has_report_and_test_targets():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.MULTILINE))
    assert {"report", "test"} <= targets


def _package_matches(*patterns: str) -> list[str]:
    """Every match of the patterns in the package's Python source, as "file: match"."""
    return [f"{path.relative_to(REPO)}: {m.group()}"
            for path in sorted((REPO / "analysis").rglob("*.py"))
            for pattern in patterns
            for m in re.finditer(pattern, path.read_text(encoding="utf-8"))]


def test_no_runtime_downloads_of_nltk_or_textblob_data():
    assert _package_matches(r"nltk\s*\.\s*download\b", r"\bdownload_corpora\b",
                            r"from\s+nltk\s+import\s+[^\n]*\bdownload\b") == []


def test_the_package_reads_nothing_outside_itself():
    """An installed (non-editable) package has no tests/data, evaluation/ or corpora beside it."""
    assert _package_matches(r"tests[/\\\"' ,]+data", r"(?:from|import)\s+evaluation\b", r"shared[/\\]corpora") == []


def test_makefile_has_evaluate_and_train_targets():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "python -m evaluation --corpora $(CORPORA)" in makefile
    assert "python -m evaluation.train --corpora $(CORPORA)" in makefile


def test_readme_starts_with_make_report_and_make_test():
    readme = REPO / "README.md"
    if not readme.exists():
        pytest.skip("no README.md")
    head = readme.read_text(encoding="utf-8").splitlines()[:20]
    commands = [line.split("#")[0].strip() for line in head]
    assert "make report" in commands
    assert "make test" in commands
    assert commands.index("make report") < commands.index("make test")
