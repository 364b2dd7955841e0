"""A message model built from the body's keywords keeps them as fields: a
helper that renders each message's text sends one field, one that
renders the messages whole sends the whole body."""
import json
from typing import Optional

from pydantic import BaseModel

from .views import ask


class ChatTurn(BaseModel):
    content: str
    context: Optional[dict] = None


def transcript(turns):
    return "\n".join(f"user: {turn.content}" for turn in turns)


def dump_turns(turns):
    return "\n".join(f"{turn}" for turn in turns)


def chat(request):
    turn = ChatTurn(**json.loads(request.body))
    # Silent: each turn's text is the user's own message.
    ask(transcript([turn]))
    # The turn rendered whole is every field the body gave it.
    ask(dump_turns([turn]))  # want: LK102
