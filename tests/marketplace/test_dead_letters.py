"""Alliance staff see the outbox's dead letters in /dashboard/outbox/ (in the dashboard menu) and
retry or discard each; nobody else can."""

import pytest
from django.utils import timezone

from marketplace.outbox.models import OutboxMessage, OutboxStatus
from tests.marketplace import outbox_tasks


@pytest.fixture
def dead_letter(db):
    return OutboxMessage.objects.create(
        key="order-placed:100123",
        task="tests.marketplace.outbox_tasks.records",
        kwargs={"label": "again"},
        status=OutboxStatus.DEAD,
        attempts=19,
        dead_at=timezone.now(),
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )


@pytest.mark.django_db
def test_staff_see_dead_letters_with_retry_and_discard_buttons(client, staff_user, dead_letter):
    OutboxMessage.objects.create(key="done-one", task="x.y", status=OutboxStatus.DONE)
    client.force_login(staff_user)
    dashboard = client.get("/dashboard/").content.decode()
    assert 'href="/dashboard/outbox/"' in dashboard and "Việc gửi đi thất bại" in dashboard
    page = client.get("/dashboard/outbox/").content.decode()
    row = page[page.index(f'id="dead-letter-{dead_letter.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "order-placed:100123" in row and "SMTPServerDisconnected" in row and ">19<" in row
    assert "Thử lại" in row and "Bỏ qua" in row
    assert "done-one" not in page


@pytest.mark.django_db
def test_nobody_but_staff_reaches_the_dead_letters(client, customer, dead_letter):
    assert client.get("/dashboard/outbox/").status_code in (302, 403)
    client.force_login(customer)
    assert client.get("/dashboard/outbox/").status_code == 403
    response = client.post(f"/dashboard/outbox/{dead_letter.pk}/retry/")
    assert response.status_code == 403
    assert OutboxMessage.objects.get(pk=dead_letter.pk).status == OutboxStatus.DEAD


@pytest.mark.django_db
def test_retry_runs_it_again_with_a_fresh_window(
    client, staff_user, dead_letter, django_capture_on_commit_callbacks
):
    outbox_tasks.RUNS.clear()
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/dashboard/outbox/{dead_letter.pk}/retry/", follow=True)
    assert "vào hàng đợi để thử lại" in response.content.decode()
    dead_letter.refresh_from_db()
    assert dead_letter.status == OutboxStatus.DONE and dead_letter.handled_by == staff_user
    assert dead_letter.retry_from is not None and outbox_tasks.RUNS == [{"task": "records", "label": "again"}]
    outbox_tasks.RUNS.clear()


@pytest.mark.django_db
def test_discard_keeps_the_row_but_never_runs_it(client, staff_user, dead_letter):
    client.force_login(staff_user)
    response = client.post(f"/dashboard/outbox/{dead_letter.pk}/discard/", follow=True)
    assert "Đã bỏ qua" in response.content.decode()
    dead_letter.refresh_from_db()
    assert (dead_letter.status, dead_letter.handled_by) == (OutboxStatus.DISCARDED, staff_user)
    again = client.post(f"/dashboard/outbox/{dead_letter.pk}/retry/", follow=True)
    assert "đã được người khác xử lý" in again.content.decode()
    assert OutboxMessage.objects.get(pk=dead_letter.pk).status == OutboxStatus.DISCARDED
