from openai import OpenAI

client = OpenAI()


def ask(question):
    """Wrapper: returns the model's answer text."""
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    return resp.choices[0].message.content

