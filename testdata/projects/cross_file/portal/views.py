"""Views in one app, wrappers in another: findings are at the wrapper calls here."""
from django.http import JsonResponse

from accounts import current_user_label, current_user_ref
from llm import ask_model
from llm.assistant import Assistant
from llm.services import summarize_text
from reports.audit import audit_event

from .identity import client_dn, role_hash


def greet_client(request):
    # Re-exported wrapper + relative helper returning the certificate DN.
    answer = ask_model(f"Write a welcome line for {client_dn(request)}")  # want: LK101
    return JsonResponse({"answer": answer})


def summarize_upload(request):
    # Wrapper of a wrapper imported by its full path: the whole body.
    summary = summarize_text(request.body.decode())  # want: LK102
    return JsonResponse({"summary": summary})


def personal_tip(request):
    # Helper from another app (through its package re-export) returning PII.
    label = current_user_label(request)
    tip = ask_model("Give a productivity tip to " + label)  # want: LK104
    return JsonResponse({"tip": tip})


def cookie_question(request):
    # A method wrapper of a class in another app.
    assistant = Assistant()
    reply = assistant.answer(f"Why are these cookies set? {request.COOKIES}")  # want: LK103
    return JsonResponse({"reply": reply})


def export_report(request):
    # A log wrapper in another app.
    audit_event("report exported", detail=request.META.get("HTTP_AUTHORIZATION"))  # want: LK201
    return JsonResponse({"ok": True})


def summarize_by_keyword(request):
    # Arguments passed by keyword map to the wrapper's parameters.
    summary = summarize_text(max_words=30, text=str(request.POST))  # want: LK102
    return JsonResponse({"summary": summary})


def safe_views(request):
    # Silent: a hashed role, a non-PII reference and the user's own text.
    role_answer = ask_model(f"Suggest reports for role {role_hash(request)}")
    summary = summarize_text(request.POST.get("text", ""), max_words=len(request.body))
    reply = Assistant().answer(f"Hello from {current_user_ref(request)}")
    audit_event("summary requested", detail=request.path)
    return JsonResponse({"role": role_answer, "summary": summary, "reply": reply})
