"""``python -m analysis`` is the ``slant`` command."""

import sys

from ._cli import main

sys.exit(main())
