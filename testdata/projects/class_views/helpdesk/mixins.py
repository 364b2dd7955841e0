from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


class AssistantMixin:
    """Gives a view ask_llm(); subclasses inherit the sink."""

    def ask_llm(self, prompt):
        return llm.invoke(prompt).content
