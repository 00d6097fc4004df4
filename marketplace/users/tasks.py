from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def email_change_emails(self, user_id: int, new_email: str, key_suffix: str) -> int:
    return notify.email_change_emails(
        user_id=user_id, new_email=new_email, key_suffix=key_suffix, sent_by=worker_name(self)
    )
