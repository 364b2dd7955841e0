"""A name a star import brings in is unknown, not a builtin: a visitor
class built on one gets nothing from it, so what its inherited visit()
returns is not the parse tree it was given (whose error field holds the
exception)."""
from treewalk import *  # noqa: F403 (Visitor comes from here)

from .llm import ask


class Tree:
    pass


class Evaluator(Visitor):  # noqa: F405
    pass


def parse(text):
    tree = Tree()
    try:
        int(text)
    except ValueError as e:
        tree.error = e
    return tree


def evaluate(text):
    # Silent: visit() is the unknown library's, which returns a new value.
    return ask("Say: " + str(Evaluator().visit(parse(text))))


def explain(text):
    return ask("Why did this fail: " + str(parse(text).error))  # want: LK106
