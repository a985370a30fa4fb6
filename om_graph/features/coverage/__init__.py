"""Ambassador (Botschafter) coverage: the coverage report and the planner.

``report`` builds the coverage report from the rows of the ``coverage/`` queries, ``planner``
chooses where new ambassadors cover most, and ``render`` words both for people and machines.
"""
