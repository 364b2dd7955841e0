"""A helper that opens by turning away arguments of the wrong builtin
type: an exception's args (a tuple) never get past `if not
isinstance(parts, list): return ...`, so the call returns the fixed
text, not the exception's; a list of the exception's text does."""
from .llm import ask
from .views import place


def first_part(parts):
    """The first part, or a fixed note when parts is no list."""
    if not isinstance(parts, list):
        return "The reason could not be read."
    if isinstance(parts[0], str):
        return parts[0]
    return "No reason given."


def reason_from_args(request):
    try:
        place(request)
    except ValueError as e:
        # Silent: e.args is a tuple, turned away by the guard.
        return ask("Explain: " + first_part(e.args))
    return None


def reason_from_list(request):
    try:
        place(request)
    except ValueError as e:
        return ask("Explain: " + first_part([str(e)]))  # want: LK106
    return None


def reason_from_tuple_literal(request):
    try:
        place(request)
    except ValueError as e:
        # Silent: a tuple literal is no list either.
        return ask("Explain: " + first_part((str(e), "x")))
    return None
