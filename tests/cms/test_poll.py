"""The reader poll: one vote per visitor, results as a bar chart."""

import pytest

from cms.models import PollVote
from tests.helpers.cms_fixtures import FIELD


@pytest.mark.django_db
def test_a_visitor_votes_once_and_sees_the_results(client, poll):
    form = client.get("/binh-chon/").content.decode()
    assert "Mở rộng thị trường" in form

    first = client.post("/binh-chon/", {FIELD: "Mở rộng thị trường"})
    assert first.status_code == 200
    page = first.content.decode()
    assert "Cảm ơn bạn đã bình chọn!" in page
    assert 'data-choice="Mở rộng thị trường"' in page and 'aria-label="100%"' in page

    again = client.post("/binh-chon/", {FIELD: "Nâng cao chất lượng"}).content.decode()
    assert "Bạn đã bình chọn cho câu hỏi này rồi." in again
    assert PollVote.objects.filter(page=poll).count() == 1
    assert "Bạn đã bình chọn cho câu hỏi này rồi." in client.get("/binh-chon/").content.decode()


@pytest.mark.django_db
def test_each_visitor_and_each_signed_in_user_has_one_vote(client, django_user_model, poll):
    from django.test import Client

    client.post("/binh-chon/", {FIELD: "Mở rộng thị trường"})
    Client().post("/binh-chon/", {FIELD: "Đào tạo kỹ năng số"})
    member = django_user_model.objects.create_user(email="lan@example.vn", password="pw-lan-12345")
    signed_in = Client()
    signed_in.force_login(member)
    signed_in.post("/binh-chon/", {FIELD: "Mở rộng thị trường"})
    signed_in.post("/binh-chon/", {FIELD: "Mở rộng thị trường"})

    assert PollVote.objects.filter(page=poll).count() == 3
    from cms.selectors import poll_results

    assert [(r.choice, r.votes, r.percent) for r in poll_results(poll)] == [
        ("Nâng cao chất lượng", 0, 0),
        ("Mở rộng thị trường", 2, 67),
        ("Đào tạo kỹ năng số", 1, 33),
    ]


@pytest.mark.django_db
def test_a_vote_without_a_choice_is_refused_in_vietnamese(client, poll):
    page = client.post("/binh-chon/", {}).content.decode()
    assert PollVote.objects.count() == 0
    assert "Trường này là bắt buộc." in page


@pytest.mark.django_db
def test_results_stay_private_when_the_editor_says_so(client, poll):
    poll.show_results_publicly = False
    poll.save_revision().publish()
    page = client.post("/binh-chon/", {FIELD: "Mở rộng thị trường"}).content.decode()
    assert "Cảm ơn bạn đã bình chọn!" in page and "data-choice" not in page


@pytest.mark.django_db
def test_editors_see_the_bar_chart_in_the_admin(client, editor, poll):
    from django.test import Client

    Client().post("/binh-chon/", {FIELD: "Đào tạo kỹ năng số"})
    client.force_login(editor)
    page = client.get(f"/cms-admin/poll-results/{poll.pk}/").content.decode()
    assert 'data-choice="Đào tạo kỹ năng số"' in page and 'aria-label="100%"' in page
    listing = client.get(f"/cms-admin/pages/{poll.get_parent().pk}/").content.decode()
    assert f"/cms-admin/poll-results/{poll.pk}/" in listing


@pytest.mark.django_db
def test_poll_results_are_closed_to_visitors(client, customer, poll):
    client.force_login(customer)
    response = client.get(f"/cms-admin/poll-results/{poll.pk}/")
    assert response.status_code in (302, 403)
