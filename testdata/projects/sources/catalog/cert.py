"""cert sources (LK101): client-certificate identity, direct and proxy-forwarded."""
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def subject_cn(request):
    # META subscript: subject common name set by the TLS terminator.
    llm.invoke(f"Say hello to {request.META['SSL_CLIENT_S_DN_CN']}")  # want: LK101


def subject_dn(request):
    # META.get: full subject DN.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    llm.invoke("Which department is this? " + dn)  # want: LK101


def client_pem(request):
    # The PEM certificate itself.
    pem = request.META.get("SSL_CLIENT_CERT")
    llm.invoke(f"Decode this certificate:\n{pem}")  # want: LK101


def issuer_dn(request):
    # Issuer DN.
    llm.invoke("Is this CA internal? %s" % request.META["SSL_CLIENT_I_DN"])  # want: LK101


def environ_dn(request):
    # request.environ is the same WSGI dict as META.
    llm.invoke("Classify {}".format(request.environ.get("SSL_CLIENT_S_DN")))  # want: LK101


def meta_alias(request):
    # An alias of request.META keeps its keys classified.
    meta = request.META
    llm.invoke(f"Greet {meta.get('SSL_CLIENT_S_DN_CN')}")  # want: LK101


def forwarded_ssl_dn(request):
    # Proxy-forwarded subject DN (nginx proxy_set_header X-SSL-Client-S-DN).
    llm.invoke(request.META.get("HTTP_X_SSL_CLIENT_S_DN", ""))  # want: LK101


def forwarded_client_cert_meta(request):
    # Proxy-forwarded certificate.
    llm.invoke(request.META["HTTP_X_CLIENT_CERT"])  # want: LK101


def envoy_xfcc_meta(request):
    # Envoy's x-forwarded-client-cert through META.
    xfcc = request.META.get("HTTP_X_FORWARDED_CLIENT_CERT", "")
    llm.invoke(f"Parse: {xfcc}")  # want: LK101


def header_ssl_dn(request):
    # The same identity through request.headers.
    llm.invoke(f"Who is {request.headers.get('X-SSL-Client-S-DN')}?")  # want: LK101


def header_client_cert(request):
    # Header subscript.
    cert = request.headers["X-Client-Cert"]
    llm.invoke(cert)  # want: LK101


def header_xfcc_lowercase(request):
    # Header names are case-insensitive.
    llm.invoke(request.headers.get("x-forwarded-client-cert"))  # want: LK101


def header_ssl_cert(request):
    # Any X-SSL-Client-* header.
    llm.invoke(request.headers.get("X-SSL-Client-Cert", ""))  # want: LK101


def benign_meta_keys(request):
    # Silent: language, host and TLS flags are not identity.
    lang = request.META.get("HTTP_ACCEPT_LANGUAGE", "en")
    host = request.META.get("SERVER_NAME")
    llm.invoke(f"Reply in {lang}; we are {host}; secure={request.is_secure()}")


def benign_header(request):
    # Silent: an ordinary header.
    llm.invoke(f"Explain this browser: {request.headers.get('User-Agent')}")


def cert_length_only(request):
    # Silent: only the length of the certificate.
    llm.invoke(f"A certificate of {len(request.META.get('SSL_CLIENT_CERT', ''))} bytes, is it unusual?")
