"""A library no model row describes: with propagate-unknown its results
carry what they were given."""
import json
import logging

import markdown
from django.db import models
from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)


def render_and_ask(request):
    html = markdown.markdown(json.dumps(request.data))
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": html}])  # want: LK102


class NoteQuerySet(models.QuerySet["Note"]):
    def by_token(self, token):
        return self.filter(share_token=token)


def shared_notes(request):
    # Silent even here: a subscripted QuerySet base resolves to QuerySet,
    # whose filter() is a lookup, and a lookup is not its key.
    log.info("notes: %s", NoteQuerySet().by_token(request.headers.get("Authorization")))
