"""Remember the language a signed-in person uses, so that emails sent later reach them in it."""

from django.contrib.auth import get_user_model


class RememberLanguageMiddleware:
    """After authentication and the locale middleware: one UPDATE only when the language changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = getattr(request, "LANGUAGE_CODE", "")
        if user is not None and user.is_authenticated and language and user.language != language:
            get_user_model().objects.filter(pk=user.pk).update(language=language)
            user.language = language
        return self.get_response(request)
