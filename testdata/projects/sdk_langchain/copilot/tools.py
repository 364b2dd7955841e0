"""Tools the model calls: what a tool returns goes back to the model in
its next turn, so personal data, secrets and exception text it returns
leave as a prompt would."""
import traceback

from django.conf import settings
from django.contrib.auth import get_user_model
from langchain_core.tools import BaseTool, tool


@tool
def customer_contact(customer_id: int) -> str:
    """The customer's e-mail address."""
    return get_user_model().objects.get(pk=customer_id).email  # want: LK104


@tool
def convert_amount(amount: str) -> str:
    """Convert an amount to cents."""
    try:
        return str(int(float(amount) * 100))
    except ValueError:
        return "Conversion failed:\n" + traceback.format_exc()  # want: LK106


@tool
def echo_question(question: str) -> str:
    """Silent: the model's own argument comes back to it."""
    return question.strip()


@tool
def order_count(customer_id: int) -> int:
    """Silent: a count of rows says nothing of anyone."""
    return get_user_model().objects.filter(pk=customer_id).count()


def contact_for_staff(customer_id):
    # Silent: no model calls this function; its result stays here.
    return get_user_model().objects.get(pk=customer_id).email


class ProviderStatusTool(BaseTool):
    name: str = "provider_status"
    description: str = "Status of the model provider."

    def _run(self, query: str) -> str:
        return f"Provider key in use: {settings.OPENAI_API_KEY}"  # want: LK105

    def describe(self) -> str:
        # Silent: not what the model calls.
        return settings.OPENAI_API_KEY
