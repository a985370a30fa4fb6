"""The library's own exceptions; the command line turns each into one line and an exit code."""


class OmGraphError(Exception):
    """Base of everything om-graph reports to a user."""

    exit_code = 2


class InputError(OmGraphError):
    """Bad input: a file, row or field a user must fix. Message: ``file:row:field: problem``."""


class ValidationFailed(InputError):
    """A dataset with problems; carries all of them so a user can fix them in one go."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the input")


class UsageError(OmGraphError):
    """An option or argument that makes no sense."""


class DatabaseUnavailable(OmGraphError):
    """Neo4j cannot be reached at the given URI."""

    exit_code = 3


class DatabaseAuthError(OmGraphError):
    """Neo4j refused the user name or password."""

    exit_code = 4
