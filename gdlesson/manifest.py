"""What the site needs from the lesson, as one JSON document: the manifest.

Every number the pages quote (:func:`gdlesson.facts.facts`), each figure's
description (number, alt text, caption, size, files and Markdown), where in the
site each figure file goes, and the notebook to run. (The build checks the
pages' claims beside it, :func:`gdlesson.claims.claims_report`.)

>>> sorted(json.loads(manifest_json()))
['facts', 'figure_files', 'figures', 'notebook']
"""

from __future__ import annotations

import json

from gdlesson.facts import facts
from gdlesson.figures import FIGURES, FOLDER, description
from gdlesson.notebook import NOTEBOOK_NAME, notebook_json


def manifest_json() -> bytes:
    """The manifest, as the build caches it."""
    figures = {spec.name: description(spec) for spec in FIGURES}
    manifest = {
        "facts": facts(),
        "figures": figures,
        # Each figure file's path in the site → its name in the cache.
        "figure_files": {f"{FOLDER}/{n}": n for d in figures.values() for n in d["files"]},
        "notebook": {"name": NOTEBOOK_NAME, "source": notebook_json(facts())},
    }
    return json.dumps(manifest, indent=1).encode()
