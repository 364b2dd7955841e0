"""django-ninja: view parameters typed with a Schema are the request body."""
from ninja import NinjaAPI, Router, Schema

from .llm import summarize
from .schemas import TicketSchema

api = NinjaAPI()
router = Router()


class FeedbackIn(Schema):
    rating: int
    comment: str


@api.post("/tickets")
def create(request, payload: TicketSchema):
    # payload.dict(): the whole body.
    return {"summary": summarize(str(payload.dict()))}  # want: LK102


@api.post("/tickets/json")
def create_json(request, payload: TicketSchema):
    # payload.model_dump_json(): the whole body.
    return {"summary": summarize(payload.model_dump_json())}  # want: LK102


@api.post("/tickets/fields")
def create_fields(request, payload: TicketSchema):
    # Silent: named fields of the schema.
    return {"summary": summarize(f"{payload.subject}: {payload.body}")}


@api.post("/tickets/contact")
def create_contact(request, payload: TicketSchema):
    # A schema field named email is PII.
    return {"summary": summarize(f"Write to {payload.email}")}  # want: LK104


@router.post("/feedback")
def feedback(request, data: FeedbackIn):
    # A Router view with a schema declared in the same module, rendered whole.
    return {"summary": summarize(f"Feedback: {data}")}  # want: LK102


@router.get("/tickets/{ticket_id}")
def ticket_detail(request, ticket_id: int, q: str = ""):
    # Silent: a path parameter and a query string parameter typed with builtins.
    return {"summary": summarize(f"Ticket {ticket_id}: {q}")}


api.add_router("/v2", router)
