"""Synthetic landscapes of German business-support networks, for demos, tests and benchmarks.

:func:`generate_landscape` (:mod:`om_graph.synth.landscape`, which describes the landscape
and the steps that build it) invents a reproducible dataset; audit it as of
:data:`REFERENCE_DATE`. The defects it plants come from the rules
(:mod:`om_graph.synth.defects`).
"""

from om_graph.synth.landscape import REFERENCE_DATE, generate_landscape

__all__ = ["REFERENCE_DATE", "generate_landscape"]
