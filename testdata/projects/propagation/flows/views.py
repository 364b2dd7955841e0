"""Propagation: closures, generators, partial, **kwargs, *args, unbound methods, super(), __init__ state, Celery signatures."""
import functools
import json
from functools import partial

from celery import chain
from django.db import transaction
from django.http import JsonResponse, StreamingHttpResponse

from .llm import ask, ask_about, ask_all, ask_styled, client, token_stream
from .services import Assistant, CacheKey, NoteRewriter, PoliteAssistant, Summarizer
from .tasks import store_summary, summarize, tag_ticket


# --- Closures -------------------------------------------------------------------


def closure_called_later(request):
    # A nested function reads an outer tainted variable: reported at the sink call inside it.
    email = request.user.email

    def build():
        return ask(f"Write a welcome for {email}")  # want: LK104

    return JsonResponse({"text": build()})


def closure_on_commit(request):
    # A lambda run after the transaction commits.
    transaction.on_commit(lambda: ask(f"Onboard {request.user.get_full_name()}"))  # want: LK104
    return JsonResponse({"queued": True})


def closure_clean(request):
    # Silent: the closure captures only the question field.
    question = request.POST.get("question", "")

    def build():
        return ask(question)

    return JsonResponse({"text": build()})


def _draft_with(text, tone):
    # The parameters reach the model only inside nested functions: the helper
    # is a wrapper all the same.
    def styled():
        return f"{tone}: {text}"

    def send():
        return ask(styled())

    return send()


def _draft_only_tone(text, tone):
    def send():
        return ask(f"Reply in a {tone} tone")

    return send() + len(text)


def closure_wrapper(request):
    _draft_with(request.POST, "formal")  # want: LK102
    # Silent: the payload is given to the parameter the closure leaves alone.
    _draft_only_tone(request.POST, "formal")


# --- Generators -----------------------------------------------------------------


def stream_nested_generator(request):
    # The SDK call inside a nested generator consumed by StreamingHttpResponse.
    prompt = f"Plan a trip for {request.user.email}"

    def gen():
        for chunk in client.chat.completions.create(  # want: LK104
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": prompt}],
            stream=True,
        ):
            yield chunk.choices[0].delta.content or ""

    return StreamingHttpResponse(gen(), content_type="text/event-stream")


def stream_module_generator(request):
    # A module generator function is a wrapper: reported at its call.
    return StreamingHttpResponse(token_stream(f"Explain {request.headers}"), content_type="text/plain")  # want: LK103


def stream_clean(request):
    # Silent: the generator gets the question field.
    return StreamingHttpResponse(token_stream(request.GET.get("q", "")), content_type="text/plain")


# --- functools.partial ----------------------------------------------------------


def partial_bound_argument(request):
    # partial binds the tainted value: reported where it is bound.
    ask_for_user = functools.partial(ask_about, request.user.username)  # want: LK104
    return JsonResponse({"text": ask_for_user("What plan suits this user?")})


def partial_of_sdk_method(request):
    # partial of the SDK method: reported where the tainted messages are passed.
    create = partial(client.chat.completions.create, model="gpt-4o-mini")
    completion = create(messages=[{"role": "user", "content": json.dumps(request.data)}])  # want: LK102
    return JsonResponse({"text": completion.choices[0].message.content})


def partial_clean(request):
    # Silent: a constant bound, the question field passed at the call.
    ask_product = partial(ask_about, "our product")
    return JsonResponse({"text": ask_product(request.POST.get("question", ""))})


# --- **kwargs and *args ---------------------------------------------------------


def kwargs_spread(request):
    # A dict spread into a wrapper's keyword parameters.
    params = {"text": str(request.POST), "style": "formal"}
    return JsonResponse({"text": ask_styled(**params)})  # want: LK102


def kwargs_spread_clean(request):
    # Silent: the spread dict holds a constant and a single field.
    params = {"text": "Describe our opening hours.", "style": request.GET.get("style", "plain")}
    return JsonResponse({"text": ask_styled(**params)})


def args_spread(request):
    # A tuple spread into positional parameters.
    args = (request.META.get("SSL_CLIENT_S_DN", ""), "terse")
    return JsonResponse({"text": ask_styled(*args)})  # want: LK101


def varargs_wrapper(request):
    # A *parts wrapper: the session key as the second part.
    return JsonResponse({"text": ask_all("Diagnose a login problem.", request.session.session_key)})  # want: LK103


# --- Methods --------------------------------------------------------------------


def unbound_method(request):
    # Cls.method(obj, x): the unbound form of a method wrapper.
    assistant = Assistant()
    return JsonResponse({"text": Assistant.reply(assistant, request.user.last_name)})  # want: LK104


def override_with_super(request):
    # An override that reaches the base wrapper through super().
    return JsonResponse({"text": PoliteAssistant().reply(f"Cookie {request.COOKIES}")})  # want: LK103


def state_from_init(request):
    # The tainted value handed to __init__, sent later by run(): reported at the constructor call.
    job = Summarizer(json.dumps(request.data))  # want: LK102
    return JsonResponse(job.run())


def state_from_init_label_only(request):
    # Silent: only the label (a single field) comes from the request.
    job = Summarizer("Summarize our refund policy.", label=request.GET.get("label", "summary"))
    return JsonResponse(job.run())


def state_never_sent(request):
    # Silent: the class keeps the value but no method sends it to a model.
    key = CacheKey(request.user.email)
    return JsonResponse({"length": key.digest_length()})


class _Draft:
    def __init__(self, text, tone):
        self.text = text
        self.tone = tone


def state_attribute_from_init(request):
    # The object kept by __init__ carries the whole body in the attribute run() sends.
    job = NoteRewriter(_Draft(json.dumps(request.data), "plain"))  # want: LK102
    return JsonResponse({"text": job.run()})


def state_other_attribute_from_init(request):
    # Silent: the body is in an attribute run() never reads.
    job = NoteRewriter(_Draft("Thanks for your order.", json.dumps(request.data)))
    return JsonResponse({"text": job.run()})


class _Signed(_Draft):
    def __init__(self, text, tone, author):
        super().__init__(text, tone)
        self.author = author


def constructor_field_read(request):
    # The object a plain __init__ builds holds its argument in the attribute.
    draft = _Draft(f"Reply to {request.user.email}", "warm")
    return JsonResponse({"text": ask(draft.text)})  # want: LK104


def constructor_other_field_read(request):
    # Silent: the e-mail went into the tone; the text is ours.
    draft = _Draft("Thanks for your order.", request.user.email)
    return JsonResponse({"text": ask(draft.text)})


def base_constructor_field_read(request):
    # super().__init__ sets the base's attributes on the subclass's object.
    draft = _Signed(f"Reply to {request.user.email}", "warm", "support")
    return JsonResponse({"text": ask(draft.text)})  # want: LK104


def base_constructor_other_field_read(request):
    # Silent: the e-mail is the author, which is never sent.
    draft = _Signed("Thanks for your order.", "warm", request.user.email)
    return JsonResponse({"text": ask(draft.text)})


# --- Celery signatures ------------------------------------------------------------


def signature_delay(request):
    # task.s(x).delay()
    summarize.s(json.dumps(request.data)).delay()  # want: LK102
    return JsonResponse({"queued": True})


def immutable_signature(request):
    # task.si(x).apply_async()
    summarize.si(request.user.email).apply_async(countdown=10)  # want: LK104
    return JsonResponse({"queued": True})


def signature_kept(request):
    # A signature kept in a variable: reported where the value is bound.
    sig = summarize.s(str(request.COOKIES))  # want: LK103
    sig.delay()
    return JsonResponse({"queued": True})


def chained(request, ticket_id):
    # chain(task1.s(x), task2.s()): reported at the .s( that binds the value.
    workflow = chain(
        summarize.s(f"Cert {request.META.get('SSL_CLIENT_S_DN_CN')}"),  # want: LK101
        store_summary.s(ticket_id),
    )
    workflow.apply_async()
    return JsonResponse({"queued": True})


def chained_clean(request, ticket_id):
    # Silent: the question field to the LLM task; PII to a task that never sends it.
    chain(summarize.s(request.POST.get("question", "")), store_summary.s(ticket_id)).apply_async()
    tag_ticket.s(ticket_id, request.user.email).delay()
    return JsonResponse({"queued": True})
