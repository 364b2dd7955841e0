from openai import OpenAI

client = OpenAI()


def ask(prompt, system="You are a helpful assistant."):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": system},
            {"role": "user", "content": prompt},
        ],
    )
    return completion.choices[0].message.content
