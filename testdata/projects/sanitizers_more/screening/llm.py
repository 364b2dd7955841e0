from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def ask(prompt):
    return llm.invoke(prompt).content
