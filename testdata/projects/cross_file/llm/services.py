"""Wrappers around the provider: their prompt parameters reach the SDK."""
from django.conf import settings

from .client import client


def ask_model(prompt):
    completion = client.chat.completions.create(
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": prompt}],
    )
    return completion.choices[0].message.content


def summarize_text(text, max_words=80):
    # A wrapper of a wrapper: text reaches the SDK through ask_model.
    return ask_model(f"Summarize in at most {max_words} words:\n{text}")
