"""DRF: APIView, ViewSet, serializers, perform_create and @api_view."""
import json

from rest_framework import status, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from .llm import summarize
from .models import Ticket
from .serializers import TicketSerializer


class TicketTriageView(APIView):
    def post(self, request):
        serializer = TicketSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # validated_data as a whole.
        overview = summarize(str(serializer.validated_data))  # want: LK102
        # Silent: single validated fields.
        headline = summarize(f"{serializer.validated_data['title']}: {serializer.validated_data['body']}")
        # A validated field whose name is PII.
        contact = summarize(f"Greet {serializer.validated_data['contact_email']}")  # want: LK104
        return Response({"overview": overview, "headline": headline, "contact": contact})

    def get(self, request):
        # self.request.query_params as a whole.
        answer = summarize(f"Explain this search: {self.request.query_params}")  # want: LK102
        return Response({"answer": answer})


class TicketViewSet(viewsets.ModelViewSet):
    queryset = Ticket.objects.all()
    serializer_class = TicketSerializer

    def perform_create(self, serializer):
        # perform_create(self, serializer): the whole validated payload.
        summary = summarize(json.dumps(serializer.validated_data))  # want: LK102
        serializer.save(summary=summary)

    def perform_update(self, serializer):
        # Silent: one field through an alias of validated_data.
        data = serializer.validated_data
        serializer.save(summary=summarize(data["body"]))

    @action(detail=True, methods=["post"])
    def explain(self, request, pk=None):
        # request.auth (the DRF token) in the prompt.
        ticket = self.get_object()
        answer = summarize(f"Ticket {ticket.pk} opened with token {request.auth}")  # want: LK103
        return Response({"answer": answer})

    @action(detail=True, methods=["post"])
    def rewrite(self, request, pk=None):
        # Silent: the stored ticket and a single field of the body.
        ticket = self.get_object()
        answer = summarize(f"Rewrite '{ticket.title}' in a {request.data.get('tone', 'neutral')} tone")
        return Response({"answer": answer})

    @action(detail=True, methods=["get"])
    def digest(self, request, pk=None):
        # Silent: an output serializer of a stored ticket serializes the database, not the request.
        serializer = self.get_serializer(self.get_object())
        return Response({"digest": summarize(json.dumps(serializer.data))})

    @action(detail=True, methods=["post"])
    def preview(self, request, pk=None):
        # serializer.data of a serializer given the request's data, as a whole.
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"preview": summarize(json.dumps(serializer.data))})  # want: LK102


@api_view(["POST"])
def quick_answer(request):
    # Silent: the question field only.
    return Response({"answer": summarize(request.data.get("question", ""))})


@api_view(["POST"])
def bulk_import(request):
    # The whole request.data, then the signed-in user's e-mail.
    report = summarize(f"Validate this import: {request.data}")  # want: LK102
    owner = summarize(f"Notify {request.user.email} about the import")  # want: LK104
    return Response({"report": report, "owner": owner}, status=status.HTTP_202_ACCEPTED)
