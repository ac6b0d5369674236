"""``python -m evaluation.train [MODEL…] [--corpora PATH]`` (``make train``): refit the weights Slant ships.

Each trainer reads only the dev part of its data (``evaluation.corpora.part``) and writes its weight files into the
package, with their provenance in the files' header; the held-out parts are never read. The same data give the same
files, byte for byte.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from . import calibrate, toward, train_attribution, train_loaded, word_clusters
from .corpora import parse_command

#: Each model's trainer: called with the corpora folder, returns an exit code. In the order they run: a later model
#: reads the pipeline's steps before it (loaded language reads the attributions and the word clusters; tone toward the
#: whole pipeline), so it is fitted on what the models before it now give.
TRAINERS: dict[str, Callable[[str], int]] = {
    "clusters": word_clusters.main,
    "tone": lambda root: calibrate.main([]),
    "attribution": train_attribution.train,
    "loaded": train_loaded.main,
    "toward": toward.main,
}


def main(argv: list[str] | None = None) -> int:
    names, root = parse_command(argv, prog="python -m evaluation.train", doc=__doc__, what="model", known=TRAINERS)
    for name in [name for name in TRAINERS if name in names]:  # in dependency order, whatever order they were named
        print(f"training {name}")
        code = TRAINERS[name](root)
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
