from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.seller.uploads import process_photo

from . import services
from .exceptions import MessageRefused
from .services import MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Tin nhắn"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": _("Viết tin nhắn…")}),
    )
    photo = forms.FileField(
        label=_("Gửi ảnh"), required=False, widget=forms.FileInput(attrs={"accept": "image/*"})
    )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return process_photo(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("body") or "").strip() and not cleaned.get("photo"):
            raise ValidationError(_("Hãy viết tin nhắn hoặc gửi một ảnh."))
        return cleaned

    def send(self, *, conversation_id: int, side: str, author) -> bool:
        """Send the valid form's message into the conversation; a refusal (rate, closed thread)
        becomes the form's error. True if it was sent."""
        try:
            services.message_send(
                conversation_id=conversation_id,
                side=side,
                body=self.cleaned_data["body"],
                photo=self.cleaned_data["photo"],
                author=author,
            )
        except MessageRefused as error:
            self.add_error(None, str(error))
            return False
        return True
