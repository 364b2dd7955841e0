"""Exception text in prompts (LK106), and request data carried inside an exception message."""
import logging
import sys
import traceback

from django.http import JsonResponse

from .llm import ask, explain_error
from .validation import OrderRejected, check_quota, parse_order

logger = logging.getLogger(__name__)


def place(request):
    return int(request.POST.get("quantity", "x"))


def str_of_exception(request):
    # str(e) into a wrapper.
    try:
        place(request)
    except ValueError as e:
        return JsonResponse({"text": ask("Rephrase: " + str(e))})  # want: LK106
    return JsonResponse({"ok": True})


def fstring_exception(request):
    # f"{e}" into a wrapper.
    try:
        place(request)
    except ValueError as e:
        return JsonResponse({"text": ask(f"What does '{e}' mean?")})  # want: LK106
    return JsonResponse({"ok": True})


def args_and_repr(request):
    # e.args[0] and repr(e) in one prompt: one finding.
    try:
        place(request)
    except Exception as e:
        return JsonResponse({"text": ask(f"{e.args[0]} / {repr(e)}")})  # want: LK106
    return JsonResponse({"ok": True})


def exception_object_to_wrapper(request):
    # The exception object itself passed to a wrapper that renders it.
    try:
        place(request)
    except ValueError as err:
        return JsonResponse({"text": explain_error(err)})  # want: LK106
    return JsonResponse({"ok": True})


def format_exc_text(request):
    # traceback.format_exc() through a variable.
    try:
        place(request)
    except ValueError:
        trace = traceback.format_exc()
        return JsonResponse({"text": ask(f"Summarize:\n{trace}")})  # want: LK106
    return JsonResponse({"ok": True})


def format_exception_single_arg(request):
    # traceback.format_exception(e) (Python 3.10+ form).
    try:
        place(request)
    except ValueError as e:
        return JsonResponse({"text": ask("".join(traceback.format_exception(e)))})  # want: LK106
    return JsonResponse({"ok": True})


def exc_info_value(request):
    # sys.exc_info()[1] rendered.
    try:
        place(request)
    except ValueError:
        return JsonResponse({"text": ask(f"Error: {sys.exc_info()[1]}")})  # want: LK106
    return JsonResponse({"ok": True})


def logged_then_constant_prompt(request):
    # Silent: logger.exception is a log of the error (allowed); the prompt is constant.
    try:
        place(request)
    except ValueError as e:
        logger.exception("order failed: %s", e)
        return JsonResponse({"text": ask("Apologize for a failed order in one sentence.")})
    return JsonResponse({"ok": True})


def exception_type_only(request):
    # Silent: the exception class name is not its text.
    try:
        place(request)
    except Exception as e:
        return JsonResponse({"text": ask(f"Apologize for a {type(e).__name__}.")})
    return JsonResponse({"ok": True})


def payload_in_exception_from_callee(request):
    # parse_order raises ValueError(f"... {data}") with the whole body; the handler renders it:
    # exception text (LK106) that also carries the whole payload (LK102).
    try:
        parse_order(request)
    except ValueError as e:
        return JsonResponse({"text": ask(f"Explain: {e}")})  # want: LK102, LK106
    return JsonResponse({"ok": True})


def pii_in_exception_same_function(request):
    # A ValueError built with the e-mail and rendered by the local handler: LK104 and LK106.
    try:
        if not request.user.is_active:
            raise ValueError(f"inactive account {request.user.email}")
        return JsonResponse({"ok": True})
    except ValueError as e:
        return JsonResponse({"text": ask(str(e))})  # want: LK104, LK106


def payload_in_raise_same_function(request):
    # raise ValueError(f"bad {request.data}") caught right here.
    try:
        raise ValueError(f"bad {request.data}")
    except ValueError as e:
        return JsonResponse({"text": ask(f"Rewrite for a user: {e}")})  # want: LK102, LK106


def constant_exception_message(request):
    # A constant exception message is still exception text: LK106 only.
    try:
        check_quota(request)
    except OrderRejected as e:
        return JsonResponse({"text": ask(f"Tell the user: {e}")})  # want: LK106
    return JsonResponse({"ok": True})


def tainted_exception_not_rendered(request):
    # Silent: the payload-carrying exception is caught but only its type is used.
    try:
        parse_order(request)
    except ValueError as e:
        return JsonResponse({"text": ask(f"Apologize; kind={e.__class__.__name__}")})
    return JsonResponse({"ok": True})
