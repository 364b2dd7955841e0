"""credential sources (LK103): headers, cookies, session, auth, credential fields."""
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def whole_meta(request):
    # request.META as a whole (Authorization, Cookie, every header).
    llm.invoke(f"Debug this request: {request.META}")  # want: LK103


def meta_str(request):
    # str() of request.META.
    llm.invoke("Environment:\n" + str(request.META))  # want: LK103


def whole_headers(request):
    # request.headers as a whole.
    llm.invoke(f"Headers: {dict(request.headers)}")  # want: LK103


def meta_authorization(request):
    # The Authorization header through META.
    auth = request.META.get("HTTP_AUTHORIZATION", "")
    llm.invoke(f"Which scheme is {auth}?")  # want: LK103


def meta_cookie(request):
    # The Cookie header through META.
    llm.invoke(request.META["HTTP_COOKIE"])  # want: LK103


def header_authorization(request):
    # The Authorization header through request.headers.
    llm.invoke(f"Decode this JWT: {request.headers['Authorization']}")  # want: LK103


def header_cookie(request):
    # The Cookie header, lower-case name.
    llm.invoke(request.headers.get("cookie", ""))  # want: LK103


def all_cookies(request):
    # request.COOKIES as a whole.
    llm.invoke(f"Cookies: {request.COOKIES}")  # want: LK103


def one_cookie(request):
    # Any single cookie.
    llm.invoke("Is this session valid? " + request.COOKIES.get("sessionid", ""))  # want: LK103


def whole_session(request):
    # request.session as a whole.
    llm.invoke(f"Session state: {dict(request.session)}")  # want: LK103


def session_key(request):
    # The session key.
    llm.invoke(f"Session {request.session.session_key} looks odd, why?")  # want: LK103


def drf_auth(request):
    # DRF request.auth (the token).
    llm.invoke(f"Token: {request.auth}")  # want: LK103


def password_field(request):
    # A payload field named like a password.
    llm.invoke(f"Is this password strong? {request.POST.get('password')}")  # want: LK103


def api_key_field(request):
    # A payload field named api_key.
    llm.invoke("Validate " + request.data["api_key"])  # want: LK103


def otp_field(request):
    # A one-time code.
    llm.invoke(request.data.get("otp", ""))  # want: LK103


def token_and_secret_fields(request):
    # Two credential fields in one call: one finding.
    text = f"{request.data['reset_token']} / {request.POST.get('client_secret')}"
    llm.invoke(text)  # want: LK103


def benign_session_and_cookie_check(request):
    # Silent: one session preference, and a membership test on the cookies.
    lang = request.session.get("preferred_language", "en")
    llm.invoke(f"Answer in {lang}; logged in: {'sessionid' in request.COOKIES}")
