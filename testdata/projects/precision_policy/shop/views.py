"""The precision policy, shape by shape: each false-positive shape stays
silent beside the true positive next to it."""
import io
import json
import logging
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from pydantic import BaseModel

from django import forms
from django.core.cache import caches
from openai import OpenAI

from shop.models import Order, OrderQuerySet, Template

client = OpenAI()
log = logging.getLogger(__name__)


def ask(text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


def subscripted_bases(request):
    # Silent: rows looked up by a secret-looking header through a manager
    # and a queryset whose bases are subscripted: a lookup is not its key.
    token = request.headers.get("Authorization", "")
    log.info("order: %s", Order.objects.get(token=token))
    log.info("orders: %s", OrderQuerySet(Order).filter(token=token).first())
    # The header itself is still a credential.
    log.info("token: %s", token)  # want: LK201


def notify(order_id, email, **extra):
    log.info("order %s", order_id)
    log.info("customer %s", email)


def spread_payload(request):
    # A **payload keyword is one field: order_id is not the whole payload
    # (silent), a credential-named one is a credential.
    notify(**request.data)
    send_token(**request.data)  # want: LK201


def send_token(api_token, **extra):
    log.info("token %s", api_token)


def items_loop(request):
    # A loop variable over a payload's items is one field at a time.
    for key, value in request.data.items():
        ask(f"{key}: {value}")
    # The whole payload rendered is still the whole payload.
    ask(json.dumps(request.data))  # want: LK102


def values_loop(request):
    # One value at a time: one field each.
    for value in request.POST.values():
        ask(value)
    # All the values gathered: the whole form.
    ask(" ".join(v for v in request.POST.values()))  # want: LK102


class Ticket:
    def __init__(self, subject, reporter_token):
        self.subject = subject
        self.reporter_token = reporter_token


class Note:
    def __init__(self, body):
        self.body = body

    def __str__(self):
        return f"note: {self.body}"


@dataclass
class Event:
    name: str
    token: str


class Pair(NamedTuple):
    label: str
    secret: str


def objects_rendered(request):
    token = request.headers.get("Authorization", "")
    ticket = Ticket("printer", "")
    ticket.reporter_token = token
    # Silent: an object without __str__ renders none of its attributes,
    # and another attribute is not the one that holds the credential.
    log.info("ticket %s", ticket)
    log.info("subject %s", ticket.subject)
    # The attribute that holds it, read, is the credential.
    log.info("token %s", ticket.reporter_token)  # want: LK201
    # What __str__ renders, a dataclass's and a namedtuple's fields.
    note = Note("")
    note.body = token
    log.info("%s", note)  # want: LK201
    log.info("%s", Event(name="login", token=token))  # want: LK201
    log.info("%s", Pair("auth", token))  # want: LK201
    # Silent: a dataclass's other field.
    log.info("%s", Event(name="login", token=token).name)


class Chatty:
    """A __str__ that logs the object it renders (and so renders it again)."""

    def __init__(self, label):
        self.label = label

    def __str__(self):
        log.debug("rendering %s", self)
        return f"chatty {self.label}"


def chatty(request):
    # Silent, and no endless rendering: a constant label.
    log.info("%s", Chatty("fixed"))


class Page:
    def __init__(self, title):
        self.title = title
        self.last_editor = None


def edit_page(request):
    page = Page("Home")
    page.last_editor = request.headers.get("Authorization", "")
    log.info("edited by %s", page.last_editor)  # want: LK201


def other_page(request):
    # Silent: another Page: what one object holds does not taint the
    # other instances of its class.
    page = Page("About")
    log.info("last editor %s", page.last_editor)


def build_messages(question):
    messages = [{"role": "system", "content": "You are helpful."}]
    for text in [question]:
        messages.append({"role": "user", "content": text})
    return messages


def ask_with_instructions(messages):
    # The first message, if a system one, becomes the instructions.
    first = messages[0]
    instructions = first.get("content") if first.get("role") == "system" else None
    return client.responses.create(model="gpt-4o-mini", instructions=instructions, input=messages[1:])


def instructions_from_list(request):
    # Silent: the question is a user message's content, wherever the list
    # goes (request input in a user message is LK109 only).
    ask_with_instructions(build_messages(request.POST.get("q", "")))

    # The same move in one function: the persona was in the system
    # message, so it is LK108; the question stays the user's turn.
    messages = [
        {"role": "system", "content": request.POST.get("persona", "")},
        {"role": "user", "content": request.POST.get("q", "")},
    ]
    first = messages[0]
    client.responses.create(model="gpt-4o-mini", instructions=first["content"], input=messages[1:])  # want: LK108


def caller_kind(request):
    # Each return is a (label, value) pair; the label is a constant.
    token = request.headers.get("Authorization")
    if token:
        return "token", token
    return "anonymous", None


def throttled(request):
    # Silent: only the label of the pair returned is logged.
    kind, who = caller_kind(request)
    log.info("throttled %s", kind)
    # The value next to it is the credential.
    log.info("throttled %s", who)  # want: LK201


def hits(store, key):
    # store is whatever the caller passes: add(key, value, timeout=) is a
    # cache's method, not set.add, so the key is not put into store.
    store.add(key, 0, timeout=60)
    return store.incr(key)


def rate_limited(request):
    key = "hits:" + request.headers.get("Authorization", "")
    seen = []
    seen.append(key)
    # Silent: a cache's counter is looked up by the key, it is not the key.
    log.info("hits %s", hits(caches["default"], key))
    # A list the key was appended to holds it.
    log.info("seen %s", seen)  # want: LK201


class Carrier(Enum):
    POST = "post"
    COURIER = "courier"


class ShippingForm(forms.Form):
    carrier = forms.CharField()

    def chosen_carrier(self):
        # One of the enum's members, looked up by the field's name.
        return Carrier[self.cleaned_data["carrier"]]

    def everything(self):
        return self.data


def shipping(request):
    form = ShippingForm(request.POST)
    if form.is_valid():
        # Silent: the form's own method returns an enum member, not the
        # payload the form is bound to.
        log.info("carrier %s", form.chosen_carrier())
        log.info("form %s", form.everything())  # want: LK201


class DigestForm(forms.Form):
    topic = forms.CharField()
    length = forms.IntegerField(min_value=10, max_value=400)
    formal = forms.BooleanField(required=False)


def digest(request):
    form = DigestForm(request.POST)
    if form.is_valid():
        # Silent: numbers and truth values from the form carry no text.
        words = form.cleaned_data["length"]
        tone = form.cleaned_data.get("formal")
        client.chat.completions.create(model="gpt-4o-mini", messages=[
            {"role": "system", "content": f"Answer in {words} words, formal={tone}."},
            {"role": "user", "content": form.cleaned_data["topic"]},
        ])
        client.chat.completions.create(model="gpt-4o-mini", messages=[  # want: LK108
            {"role": "system", "content": f"Write about {form.cleaned_data['topic']}."},
        ])


class TemplateForm(forms.Form):
    template = forms.CharField()
    title = forms.CharField()

    def clean_template(self):
        # The submitted name picks a stored template: the row, not the name.
        return Template.objects.filter(name=self.cleaned_data["template"]).first()

    def clean_title(self):
        return self.cleaned_data["title"].strip()


def templated(request):
    form = TemplateForm(request.POST)
    if form.is_valid():
        # Silent: the template is the shop's own, picked by name.
        client.chat.completions.create(model="gpt-4o-mini", messages=[
            {"role": "system", "content": f"Follow {form.cleaned_data['template']}: {form.cleaned_data['template'].body}"},
        ])
        client.chat.completions.create(model="gpt-4o-mini", messages=[  # want: LK108
            {"role": "system", "content": f"Title: {form.cleaned_data['title']}"},
        ])


def missing_headers(request, wanted):
    # Silent: the names wanted, minus the request's headers, hold none of
    # the headers.
    missing = set(wanted) - set(request.headers)
    log.info("missing headers %s", missing)
    left = set(wanted)
    left -= set(request.headers)
    log.info("still missing %s", left)
    log.info("headers %s", set(request.headers) - set(wanted))  # want: LK201


class AskInput(BaseModel):
    question: str
    context: str = ""


class Asker(BaseModel):
    input: AskInput

    @classmethod
    def user_text(cls, given):
        return given.question

    def ask_one_field(self):
        return ask(self.user_text(self.input))

    def ask_by_key(self):
        return ask(self.input["question"])

    def ask_all(self):
        return ask(json.dumps(self.input))


def asker(request):
    body = json.loads(request.body)
    # Silent: one field of the body, two names down from the object.
    Asker(input=body).ask_one_field()
    Asker(input=body).ask_by_key()
    Asker(input=body).ask_all()  # want: LK102


def preview(request):
    question = request.POST.get("question", "")
    prompt = f"You answer questions about orders, politely and briefly, citing order numbers when useful. Question: {question}"
    # Silent: the first 60 characters are the instructions alone.
    log.info("prompt %s...", prompt[:60])
    ask(prompt)
    log.info("prompt %s...", prompt[:120])  # want: LK202


def history_summary(request):
    prompt = "Summarize the order history in three sentences:\n{history}"
    # Silent: the prompt is still the fixed template where it is logged.
    log.info("template %s", prompt)
    prompt = prompt.format(history=request.POST.get("history", ""))
    ask(prompt)
    log.info("prompt %s", prompt)  # want: LK202


def parsed_body(request):
    params = {}
    for pair in request.body.decode().split("&"):
        key, value = pair.split("=", 1)
        params[key] = value
    # Silent: one field read back by its constant key is that field.
    log.info("section %s", params["section"])
    log.info("params %s", params)  # want: LK201


def buffered_answer(request):
    reply = ask(request.POST.get("question", ""))
    buffer = io.StringIO()
    buffer.write(reply.choices[0].message.content)
    # Silent: the buffer printed as an object shows its type.
    print("buffer", buffer)
    print("answer", buffer.getvalue())  # want: LK202


def rotate_pages(page_ids, degrees, user=None):
    log.info("rotating %s pages by %s", len(page_ids), degrees)


def dump_pages(page_ids, **options):
    log.info("options %s", options)


def run_action(method, data):
    parameters = {key: value for key, value in data.items() if key != "pages"}
    return method([1, 2], **parameters)


def rotate_view(request):
    # Silent: the action reads one field of the body by its name.
    run_action(rotate_pages, json.loads(request.body))


def run_dump(data):
    options = {key: value for key, value in data.items() if key != "pages"}
    return dump_pages([1, 2], **options)


def dump_view(request):
    run_dump(json.loads(request.body))  # want: LK201
