"""Service classes: a base-class wrapper, an override calling super(), state kept from __init__."""
from openai import OpenAI


class Assistant:
    def __init__(self):
        self.client = OpenAI()

    def reply(self, text):
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": text}],
        )
        return completion.choices[0].message.content


class PoliteAssistant(Assistant):
    def reply(self, text):
        # The override reaches the SDK through super().
        return super().reply("Please answer politely: " + text)

    def greet(self, request):
        # super().reply in the method that reads the source: reported here.
        return super().reply(f"Greet {request.user.first_name}")  # want: LK104


class Summarizer:
    """Keeps the prompt from __init__; run() sends it."""

    def __init__(self, prompt, label="summary"):
        self.client = OpenAI()
        self.prompt = prompt
        self.label = label

    def run(self):
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": self.prompt}],
        )
        return {self.label: completion.choices[0].message.content}


class CacheKey:
    """Keeps a value from __init__ but never sends it to a model."""

    def __init__(self, value):
        self.value = value

    def digest_length(self):
        return len(self.value)


class NoteRewriter:
    """Keeps an object from __init__; run() sends one attribute of it."""

    def __init__(self, note):
        self.client = OpenAI()
        self.note = note

    def run(self):
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": self.note.text}],
        )
        return completion.choices[0].message.content
