"""pii sources (LK104): the signed-in user and payload fields named like PII."""
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def user_str(request):
    # str(request.user).
    llm.invoke("Write a greeting for " + str(request.user))  # want: LK104


def user_fstring(request):
    # request.user in an f-string.
    llm.invoke(f"Write a greeting for {request.user}")  # want: LK104


def user_format(request):
    # request.user through str.format.
    llm.invoke("Write a greeting for {}".format(request.user))  # want: LK104


def user_percent(request):
    # request.user through %.
    llm.invoke("Write a greeting for %s" % request.user)  # want: LK104


def user_email(request):
    # .email
    llm.invoke(f"Draft a reply to {request.user.email}")  # want: LK104


def user_username(request):
    # .username
    llm.invoke("Suggest a nickname for " + request.user.username)  # want: LK104


def user_first_last(request):
    # .first_name and .last_name in one call: one finding.
    llm.invoke(f"Dear {request.user.first_name} {request.user.last_name},")  # want: LK104


def user_full_name(request):
    # .get_full_name()
    name = request.user.get_full_name()
    llm.invoke(f"Write a bio for {name}")  # want: LK104


def user_get_username(request):
    # .get_username()
    llm.invoke(request.user.get_username())  # want: LK104


def user_alias(request):
    # An alias of request.user.
    user = request.user
    llm.invoke(f"Mail {user.email}")  # want: LK104


def email_field(request):
    # A payload field named email.
    llm.invoke(f"Is {request.POST.get('email')} a work address?")  # want: LK104


def phone_field(request):
    # phone_number
    llm.invoke("Format " + request.data["phone_number"])  # want: LK104


def full_name_field(request):
    # full_name
    llm.invoke(request.data.get("full_name", ""))  # want: LK104


def birth_field(request):
    # date_of_birth
    llm.invoke(f"Age from {request.POST['date_of_birth']}?")  # want: LK104


def ssn_and_address_fields(request):
    # ssn and billing_address in one call: one finding.
    llm.invoke(f"{request.GET.get('ssn')} {request.data['billing_address']}")  # want: LK104


def non_pii_user_attributes(request):
    # Silent: id, pk, is_staff and is_authenticated are not PII.
    user = request.user
    llm.invoke(f"User #{user.id} (pk {user.pk}) staff={user.is_staff} auth={user.is_authenticated}")
