"""secret sources (LK105): settings, environment and literal keys in prompt text."""
import os

from django.conf import settings
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def secret_key():
    # settings.SECRET_KEY
    llm.invoke(f"Is {settings.SECRET_KEY} strong enough for production?")  # want: LK105


def setting_api_key():
    # A setting ending in KEY.
    llm.invoke("Check the format of " + settings.OPENAI_API_KEY)  # want: LK105


def setting_secret():
    # A setting ending in SECRET.
    llm.invoke(f"Explain webhook signing with {settings.STRIPE_WEBHOOK_SECRET}")  # want: LK105


def setting_token_and_password():
    # TOKEN and PASSWORD settings in one call: one finding.
    llm.invoke(f"{settings.GITHUB_TOKEN} {settings.EMAIL_HOST_PASSWORD}")  # want: LK105


def environ_subscript():
    # os.environ[...] with a TOKEN name.
    token = os.environ["SERVICE_TOKEN"]
    llm.invoke(f"Call the inventory API with bearer {token}")  # want: LK105


def environ_get():
    # os.environ.get(...) with a KEY name.
    llm.invoke("Payments key: " + os.environ.get("PAYMENTS_API_KEY", ""))  # want: LK105


def getenv():
    # os.getenv(...) with a KEY name.
    llm.invoke(f"Sign this with {os.getenv('SIGNING_KEY')}")  # want: LK105


def openai_literal():
    # A literal that looks like an OpenAI key.
    key = "sk-FAKEFAKEFAKEFAKEFAKEFAKE1234"
    llm.invoke(f"Use key {key} for the weather tool")  # want: LK105


def aws_literal():
    # A literal that looks like an AWS access key id.
    access_key_id = "AKIAIOSFODNN7EXAMPLE"
    llm.invoke("Which account owns " + access_key_id + "?")  # want: LK105


def harmless_settings():
    # Silent: settings that are not secrets (KEY_PREFIX does not end in KEY).
    llm.invoke(
        f"debug={settings.DEBUG} model={settings.LLM_MODEL} tz={settings.TIME_ZONE} "
        f"prefix={settings.CACHE_MIDDLEWARE_KEY_PREFIX}"
    )


def harmless_environment():
    # Silent: environment names that are not secrets, and a short sk- string.
    env = os.getenv("APP_ENV", "dev")
    region = os.environ.get("DEPLOY_REGION", "eu-west-1")
    llm.invoke(f"Deploy notes for {env} in {region}; flag sk-1234")
