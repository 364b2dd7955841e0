from django.conf import settings
from twilio.rest import Client

twilio = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)


def send_login_code(request):
    # Silent: Twilio's messages.create sends an SMS, not a prompt.
    twilio.messages.create(
        body=f"Hi {request.user.first_name}, your code is {request.session.get('login_code')}",
        to=request.POST.get("phone_number"),
        from_=settings.TWILIO_FROM_NUMBER,
    )
