"""A project wrapper that sends its text to a model."""
from openai import OpenAI

client = OpenAI()


def ask_llm(text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
