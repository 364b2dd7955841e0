import re
from urllib.parse import unquote

CN_PATTERN = re.compile(r"CN=([^,/]+)")


def parse_xfcc(value):
    """Splits an Envoy x-forwarded-client-cert element into its key=value pairs."""
    pairs = (part.partition("=") for part in value.split(";"))
    return {key.strip(): unquote(raw.strip('"')) for key, _, raw in pairs}


def common_name(dn):
    """The CN of a subject DN, or an empty string."""
    match = CN_PATTERN.search(dn)
    return match.group(1) if match else ""
