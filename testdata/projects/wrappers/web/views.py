"""Callers of the wrapper chains: findings are here, where the data is read."""
import json
import logging

from ai.prompts import (
    SupportBot,
    ask_about_user,
    ask_and_trace,
    ask_cached,
    ask_claude,
    ask_if_flagged,
    ask_masked,
    ask_with_context,
    explain,
    quick_reply,
)
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def onboarding(request):
    # Three levels down: explain -> ask_with_context -> complete -> SDK.
    text = explain("certificates", f"Your certificate subject is {request.META['SSL_CLIENT_S_DN']}")  # want: LK101
    return JsonResponse({"text": text})


def contextual(request):
    # Two levels down, sensitive data in the second parameter.
    answer = ask_with_context(request.POST.get("question", ""), json.dumps(request.data))  # want: LK102
    return JsonResponse({"answer": answer})


def claude_help(request):
    # A decorated wrapper.
    answer = ask_claude(f"Why was {request.headers.get('Authorization')} rejected?")  # want: LK103
    return JsonResponse({"answer": answer})


def quick(request):
    # A wrapper around a module-level client.
    return JsonResponse({"reply": quick_reply(f"Say hi to {request.user.username}")})  # want: LK104


def traced(request):
    # One call, two sinks in the wrapper: an LLM finding, and a log finding
    # that is LK203 for personal data (off by default).
    answer = ask_and_trace(f"Write a note for {request.user.email}")  # want: LK104
    return JsonResponse({"answer": answer})


def bot_reply(request):
    # A method wrapper of a service object.
    bot = SupportBot()
    reply = bot.reply(f"Cookies: {request.COOKIES}")  # want: LK103
    return JsonResponse({"reply": reply})


def bot_reply_to(request):
    # A method that calls another method of the same object.
    reply = SupportBot().reply_to(request.user.get_full_name(), request.POST.get("message", ""))  # want: LK104
    return JsonResponse({"reply": reply})


def logged_answer(request):
    # The answer returned through two wrapper levels, then logged.
    answer = ask_with_context(request.POST.get("question", ""), "public FAQ")
    logger.info("answered: %s", answer)  # want: LK202
    return JsonResponse({"answer": answer})


def safe_calls(request):
    # Silent: parameters that never reach a sink, or are sanitized on the way.
    a = explain(request.user.email, "How do I rotate my certificate?")
    b = ask_cached(request.POST.get("question", ""), cache_key=request.session.session_key)
    c = ask_about_user(request.user.email)
    d = SupportBot().reply_to(f"user-{request.user.pk}", request.POST.get("message", ""))
    e = ask_masked(str(request.META))
    f = ask_if_flagged(request.user.email)
    return JsonResponse({"a": a, "b": b, "c": c, "d": d, "e": e, "f": f})
