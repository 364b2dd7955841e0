"""error sources (LK106): exception and traceback text in a prompt."""
import sys
import traceback

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def parse_order(raw):
    return int(raw)


def format_exc(raw):
    # traceback.format_exc()
    try:
        parse_order(raw)
    except ValueError:
        llm.invoke("Explain to a customer:\n" + traceback.format_exc())  # want: LK106


def format_exception(raw):
    # traceback.format_exception(...)
    try:
        parse_order(raw)
    except ValueError as exc:
        lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
        llm.invoke("".join(lines))  # want: LK106


def str_of_exception(raw):
    # str(e)
    try:
        parse_order(raw)
    except ValueError as e:
        llm.invoke("What went wrong? " + str(e))  # want: LK106


def repr_of_exception(raw):
    # repr(e)
    try:
        parse_order(raw)
    except Exception as err:
        llm.invoke(repr(err))  # want: LK106


def fstring_of_exception(raw):
    # f"{e}"
    try:
        parse_order(raw)
    except Exception as e:
        llm.invoke(f"Rephrase this error politely: {e}")  # want: LK106


def exception_args(raw):
    # e.args
    try:
        parse_order(raw)
    except Exception as e:
        llm.invoke(f"Arguments of the failure: {e.args}")  # want: LK106


def exc_info(raw):
    # sys.exc_info()
    try:
        parse_order(raw)
    except Exception:
        exc_type, exc_value, _ = sys.exc_info()
        llm.invoke(f"{exc_type.__name__}: {exc_value}")  # want: LK106


def constant_message(raw):
    # Silent: the handler uses a fixed message, not the exception.
    try:
        parse_order(raw)
    except ValueError:
        llm.invoke("The order number was not a number. Explain the expected format.")


def exception_kind_only(raw):
    # Silent: only whether it timed out.
    try:
        parse_order(raw)
    except Exception as e:
        llm.invoke(f"Apologize for a failure; timeout={isinstance(e, TimeoutError)}")
