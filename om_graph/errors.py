"""The library's own exceptions; the command line turns each into one line and an exit code."""


class OmGraphError(Exception):
    """Base of everything om-graph reports to a user."""

    exit_code = 2


class InputError(OmGraphError):
    """Bad input: a file, row or field a user must fix. Message: ``file:row:field: problem``."""


class ValidationFailed(InputError):
    """A dataset with problems; carries all of them so a user can fix them in one go."""

    def __init__(self, problems: list[str], total: int | None = None) -> None:
        self.problems = problems
        #: How many problems there are: more than the lines when repeated ones are only counted.
        self.total = len(problems) if total is None else total
        super().__init__(f"{self.total} problem(s) in the input")


class UsageError(OmGraphError):
    """An option or argument that makes no sense."""


class DatabaseUnavailable(OmGraphError):
    """Neo4j cannot be reached at the given URI."""

    exit_code = 3


class DatabaseAuthError(OmGraphError):
    """Neo4j refused the user name or password."""

    exit_code = 4


class DatabaseTimeout(DatabaseUnavailable):
    """Neo4j did not answer within the timeout (a frozen or overloaded server)."""


class DatabaseFailed(OmGraphError):
    """Neo4j refused or could not finish the work (out of memory, a conflict with another application's constraint)."""

    exit_code = 3


class DatabaseOutOfMemory(DatabaseFailed):
    """The server's heap cannot hold the transaction (a load too large for it)."""


class NotLoaded(UsageError):
    """The Neo4j database holds no om-graph data: reading it would give an empty audit."""


class SheetNotRead(LookupError):
    """A command's code asked for data of a sheet it did not read (``Source.open(sheets=)``): a fault of the code, not
    of the input, so it is no :class:`OmGraphError`; a caller that can read every sheet instead catches it."""
