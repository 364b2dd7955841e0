"""Only classes the project can make objects of answer a call on their
declared base: a subclass built only under `if False:` never runs; one
named by a dotted path in a string may."""
import logging
from typing import Optional

from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)


class Drafter:
    def draft(self, text):
        raise NotImplementedError


class ModelDrafter(Drafter):
    def draft(self, text):
        return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


class ChattyDrafter(Drafter):
    # Parked: nothing builds it but a disabled branch.
    def draft(self, text):
        log.info("drafting from %s", text)
        return text


def make_drafter(kind) -> Optional[Drafter]:
    if kind == "model":
        return ModelDrafter()
    elif False:
        return ChattyDrafter()
    return None


def draft_reply(drafter: Drafter, request):
    # The model drafter sends the form; the parked one would log it, but
    # never exists.
    return drafter.draft(str(request.POST))  # want: LK102


class Reviewer:
    def review(self, text):
        return text


class LoggingReviewer(Reviewer):
    # Named only by a dotted path in a string: it may be loaded.
    def review(self, text):
        log.warning("reviewing %s", text)
        return text


REVIEWER_PATHS = ["assistant.drafts.LoggingReviewer"]


def review_reply(reviewer: Reviewer, request):
    return reviewer.review(str(request.POST))  # want: LK201
