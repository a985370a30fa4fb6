"""The example and a changed copy of it: one network fixed, one broken, one added, one removed.

- fixed: ``hb-bremen`` names a contact from an intermediary (its moderator now works for the
  Handelskammer), so OM302 is resolved and it leaves stage 3;
- broken: ``ni-niedersachsen`` loses both contacts: stage 1, OM301 new;
- added: ``sl-saar``, a network for the Saarland without contacts or partners;
- removed: ``th-digital`` and every row that refers to it.
"""

from __future__ import annotations

from om_graph.dataset.model import Dataset
from om_graph.dataset.sources import example_dataset

FIXED, BROKEN, ADDED, REMOVED = "hb-bremen", "ni-niedersachsen", "sl-saar", "th-digital"
REFERENCES = ("network_id", "partner_network_id", "parent_network_id")


def changed_example() -> Dataset:
    sheets = example_dataset().to_plain()
    for person in sheets["persons"]:
        if person["id"] == "p-beispielsen":
            person["organisation_id"] = "hb-hk"
    sheets["contacts"] = [c for c in sheets["contacts"] if c["network_id"] != BROKEN]
    for name, rows in sheets.items():
        sheets[name] = [r for r in rows if r.get("id") != REMOVED and all(r.get(k) != REMOVED for k in REFERENCES)]
    sheets["networks"].append({"id": ADDED, "name": "OM-Netzwerk Saar", "kind": "regional", "status": "applied"})
    sheets["network_regions"].append({"network_id": ADDED, "region_id": "DE-SL"})
    return Dataset.model_validate(sheets)
