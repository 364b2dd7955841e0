def legacy(request):
	if True:
		email = request.user.email
		return ask_llm(	"hi " + email)
