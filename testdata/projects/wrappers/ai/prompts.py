"""Wrapper chains: each level passes its parameter one level down."""
import hashlib
import logging

from django.core.cache import cache

from .clients import chat_model, get_claude, get_openai_client
from .decorators import with_retry

logger = logging.getLogger(__name__)


def complete(prompt):
    # Level 1: a client from a factory.
    response = get_openai_client().responses.create(model="gpt-4o-mini", input=prompt)
    return response.output_text


def ask_with_context(question, context):
    # Level 2: both parameters reach complete().
    return complete(f"Context:\n{context}\n\nQuestion: {question}")


def explain(topic, detail):
    # Level 3: only detail reaches the model; topic is only counted.
    logger.debug("explaining a topic of %d characters", len(topic))
    return ask_with_context("Explain this to a new employee.", detail)


@with_retry(attempts=2)
def ask_claude(prompt):
    # A decorated wrapper around a cached factory client.
    client = get_claude()
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=400,
        messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text


def quick_reply(text):
    # A wrapper around the module-level LangChain model.
    return chat_model.invoke(text).content


def ask_and_trace(prompt):
    # Logs its parameter and sends it: both sinks for callers.
    logger.info("prompt: %s", prompt)  # want: LK202
    return complete(prompt)


def ask_cached(prompt, cache_key):
    # cache_key never reaches a sink.
    cached = cache.get(cache_key)
    if cached is None:
        cached = complete(prompt)
        cache.set(cache_key, cached, 300)
    return cached


def ask_about_user(email):
    # Sanitizes before sending: callers passing PII are not reported.
    return complete(f"Suggest onboarding steps for account {hashlib.sha256(email.encode()).hexdigest()[:10]}")


def ask_masked(prompt):
    # Replaces its parameter before sending: callers are not reported.
    prompt = "[masked request]"
    return complete(prompt)


def ask_if_flagged(note):
    # Uses its parameter only as a condition.
    if note:
        return complete("A customer flagged a problem. Draft a generic apology.")
    return ""


class SupportBot:
    """A service object: client from a factory in __init__, wrapper methods."""

    def __init__(self):
        self.client = get_openai_client()

    def reply(self, message):
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": message}],
        )
        return completion.choices[0].message.content

    def reply_to(self, user_label, message):
        # A method calling another method of the same object.
        return self.reply(f"Answer {user_label}: {message}")


def ask_with_request_body(question, model_name):
    # The request body is built as a mapping; its messages are the prompt.
    body = {"model": model_name, "messages": [{"role": "user", "content": question}]}
    logger.debug("sending %s", body["messages"])  # want: LK202
    # Silent: the model name is one of the mapping's items, no prompt text.
    logger.debug("model %s", body["model"])
    return get_openai_client().chat.completions.create(model=body["model"], messages=body["messages"])


def ask_through_closure(question):
    # A local helper sends its parameter as the prompt, whatever its name.
    def send(p):
        return complete(p)

    logger.debug("asking %s", question)  # want: LK202
    return send(question)


def count_through_closure(question):
    # Silent: the local helper only measures its parameter.
    def measure(p):
        return len(p)

    logger.debug("question %s", question)
    return measure(question)
