from openai import OpenAI


class Assistant:
    """A stateful helper; the client is created in __init__ and used in answer()."""

    def __init__(self, model="gpt-4o-mini"):
        self.model = model
        self.client = OpenAI()

    def answer(self, question):
        completion = self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": question}],
        )
        return completion.choices[0].message.content
