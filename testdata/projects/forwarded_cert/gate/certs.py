from urllib.parse import unquote


def parse_xfcc(value):
    """Splits an Envoy x-forwarded-client-cert element into its key=value pairs."""
    fields = {}
    for part in value.split(";"):
        key, _, raw = part.partition("=")
        fields[key.strip()] = unquote(raw.strip('"'))
    return fields


def common_name(dn):
    for rdn in dn.split(","):
        if rdn.strip().startswith("CN="):
            return rdn.strip()[3:]
    return ""
