"""The byte-identity check of a speed change: the SHA-256 of Slant's output on a fixed set of inputs, written to a
manifest, and compared with another tree's manifest.

    python -m benchmarks.same_output OUT [--corpora ../shared/corpora] [--against OTHER_OUT]

The inputs: the seeds with and without their actors file and 100 generated articles (``benchmarks/generate.py``,
seed 7), and when the shared corpora are there the first 25 PTC and the first 25 PolNeAR (dev) articles with and
without the actors file; ``slant analyze --json`` of each, and the six tables of ``slant corpus --csv --jobs 1``
over them. A figure to read, not a test: nothing here runs in ``make test``.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import write_corpus

ROOT = Path(__file__).resolve().parent.parent
ACTORS = "seeds/aleppo-2024.actors.yml"  # relative to ROOT, where slant runs: the outputs record the paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.same_output", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the outputs and their manifest (emptied first)")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--against", type=Path, help="another run's folder: compare the manifests")
    args = parser.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    inputs = Path(tempfile.gettempdir(), "slant-same-output")  # one path for every run: the tables record it
    inputs.mkdir(exist_ok=True)
    sets = {"seeds": ["seeds"],
            "generated": [str(write_corpus(inputs / "generated.jsonl", 100, seed=7))]}
    if args.corpora.is_dir():
        sets["ptc"] = [str(p) for p in sorted((args.corpora / "ptc" / "articles").glob("*.txt"))[:25]]
        polnear = args.corpora / "polnear" / "data"
        sets["polnear"] = [str(p) for p in sorted(polnear.glob("*/text/*.txt"))[:25]]
    digests = {}
    for name, paths in sets.items():
        for actors in ([], ["--actors", ACTORS]):
            label = name + ("-actors" if actors else "")
            digests[f"{label}.json"] = _digest(_slant("analyze", "--json", "-q", *actors, *paths))
            tables = args.out / label
            _slant("corpus", "-q", "--csv", "--jobs", "1", *actors, *paths, "-o", str(tables))
            for table in sorted(tables.glob("*.csv")):
                digests[f"{label}/{table.name}"] = _digest(table.read_bytes())
    manifest = "".join(f"{digest}  {name}\n" for name, digest in digests.items())
    (args.out / "manifest.sha256").write_text(manifest, encoding="utf-8")
    print(f"{len(digests)} outputs -> {args.out / 'manifest.sha256'}")
    if args.against is None:
        return 0
    other = (args.against / "manifest.sha256").read_text(encoding="utf-8")
    if other == manifest:
        print("identical")
        return 0
    theirs = dict(reversed(line.split("  ", 1)) for line in other.splitlines())
    for name, digest in digests.items():
        if theirs.get(name) != digest:
            print(f"DIFFERS: {name}")
    return 1


def _slant(*arguments: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "analysis", *arguments], capture_output=True, check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"slant {arguments[0]} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return done.stdout


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
