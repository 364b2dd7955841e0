"""A project model's rows picked by a forwarded certificate name decide
access just as the user model's do."""
from django.http import HttpResponseForbidden, JsonResponse

from .certs import common_name
from .models import Workstation


def station_by_cn(request):
    cn = common_name(request.META["HTTP_X_SSL_CLIENT_S_DN"])
    station = Workstation.objects.filter(common_name=cn).first()  # want: LK401
    return JsonResponse({"owner": station.owner})


def verified_station(request):
    # Silent: the proxy's verification result is checked first.
    if request.META.get("HTTP_X_SSL_CLIENT_VERIFY") != "SUCCESS":
        return HttpResponseForbidden()
    cn = common_name(request.META["HTTP_X_SSL_CLIENT_S_DN"])
    station = Workstation.objects.get(common_name=cn)
    return JsonResponse({"owner": station.owner})


def station_count(request):
    # Silent: a constant query decides nothing about the caller.
    return JsonResponse({"stations": Workstation.objects.filter(owner="ops").count()})
