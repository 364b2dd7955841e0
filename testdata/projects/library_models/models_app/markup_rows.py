"""markupsafe, bleach and Presidio."""
import logging

import bleach
from markupsafe import Markup, escape
from openai import OpenAI
from presidio_analyzer import AnalyzerEngine
from presidio_anonymizer import AnonymizerEngine

client = OpenAI()
log = logging.getLogger(__name__)


def answer_of(question):
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content


def render(request):
    answer = answer_of(request.POST.get("question", ""))
    unsafe = Markup(answer)  # want: LK301
    # Silent: escaped or cleaned first.
    safe = Markup(escape(answer))
    cleaned = Markup(bleach.clean(answer))
    return unsafe, safe, cleaned


def anonymized(request):
    text = AnonymizerEngine().anonymize(text=request.user.email, analyzer_results=[]).text
    # Silent: the anonymized text holds no personal data.
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": request.user.email}])  # want: LK104
    # Silent: the analyzer returns entity positions, not the text.
    log.info("entities: %s", AnalyzerEngine().analyze(text=request.user.email, language="en"))
