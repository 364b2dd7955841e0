"""A library no model row describes: with propagate-unknown its results
carry what they were given."""
import json

import markdown
from openai import OpenAI

client = OpenAI()


def render_and_ask(request):
    html = markdown.markdown(json.dumps(request.data))
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": html}])  # want: LK102
