"""A helper that logs the prompt it sends (LK202). The finding is the
helper's, at its log line; its flows also show where the prompt came
from: a view's request field, two calls up."""
import logging

from .llm import client

logger = logging.getLogger(__name__)


def _complete(prompt):
    logger.debug("sending prompt: %s", prompt)  # want: LK202
    return client.responses.create(model="gpt-4o-mini", input=prompt).output_text


def answer_question(question):
    return _complete("Answer briefly: " + question)


def ask_view(request):
    return answer_question(request.POST["question"])


def nightly_digest():
    # A caller with text of its own adds no flow.
    return answer_question("What changed today?")
